package com.smartconnect.application.device.port.out;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The events of devices, unique by Product ID and event id. */
public interface DeviceEventRepository {

    /** Stores the event; {@code false}, and nothing changed, if the device's event of this id is stored already. */
    boolean add(DeviceEvent event);

    /**
     * Stores the events that are not stored yet, as {@link #add} would one by one (an event repeated within the list
     * is stored once); answers for each whether it was stored now. An adapter stores them in a few statements, so a
     * group commit's batch does not cost a round trip per event.
     */
    default List<Boolean> addAll(List<DeviceEvent> events) {
        return events.stream().map(this::add).toList();
    }

    /** Oldest first by the device's time, then by receive time. */
    List<DeviceEvent> eventsOf(ProductId productId);

    /**
     * The device's events newest first (by the device's time, then event id) that occurred in {@code [from, to)},
     * of the type and severity if given, strictly after {@code after} in that order; at most {@code limit}.
     */
    List<DeviceEvent> newestFirst(ProductId productId, EventFilter filter, Optional<Position> after, int limit);

    /** Which events of a device a page shows. */
    record EventFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> type,
            Optional<Severity> severity) {
        public EventFilter {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(severity, "severity");
        }
    }

    /** Where a page of the newest-first order ended: the last event's time and id (keyset pagination). */
    record Position(Instant occurredAt, String eventId) {
        public Position {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(eventId, "eventId");
        }
    }
}
