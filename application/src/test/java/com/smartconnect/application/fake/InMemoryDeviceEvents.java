package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Device events in a list, unique by Product ID and event id as in the database. */
public final class InMemoryDeviceEvents implements DeviceEventRepository {

    private final List<DeviceEvent> events = new ArrayList<>();

    @Override
    public synchronized boolean add(DeviceEvent event) {
        if (events.stream().anyMatch(e -> e.productId().equals(event.productId()) && e.eventId().equals(event.eventId()))) {
            return false;
        }
        return events.add(ColumnPrecision.of(event));
    }

    @Override
    public synchronized List<DeviceEvent> eventsOf(ProductId productId) {
        return events.stream().filter(e -> e.productId().equals(productId))
                .sorted(Comparator.comparing(DeviceEvent::occurredAt).thenComparing(DeviceEvent::receivedAt)).toList();
    }

    @Override
    public synchronized List<DeviceEvent> newestFirst(ProductId productId, EventFilter filter, Optional<Position> after,
            int limit) {
        Comparator<DeviceEvent> newest = Comparator.comparing(DeviceEvent::occurredAt)
                .thenComparing(DeviceEvent::eventId).reversed();
        return events.stream().filter(e -> e.productId().equals(productId))
                .filter(e -> filter.from().map(f -> !e.occurredAt().isBefore(f)).orElse(true))
                .filter(e -> filter.to().map(t -> e.occurredAt().isBefore(t)).orElse(true))
                .filter(e -> filter.type().map(t -> e.type().equals(t)).orElse(true))
                .filter(e -> filter.severity().map(s -> e.severity() == s).orElse(true))
                .filter(e -> after.map(a -> e.occurredAt().isBefore(a.occurredAt())
                        || e.occurredAt().equals(a.occurredAt()) && e.eventId().compareTo(a.eventId()) < 0).orElse(true))
                .sorted(newest).limit(limit).toList();
    }

    public synchronized int size() {
        return events.size();
    }
}
