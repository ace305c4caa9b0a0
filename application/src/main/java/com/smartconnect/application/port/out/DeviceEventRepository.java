package com.smartconnect.application.port.out;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.util.List;

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
}
