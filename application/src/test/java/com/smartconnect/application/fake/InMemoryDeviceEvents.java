package com.smartconnect.application.fake;

import com.smartconnect.application.port.out.DeviceEventRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Device events in a list, unique by Product ID and event id as in the database. */
public final class InMemoryDeviceEvents implements DeviceEventRepository {

    private final List<DeviceEvent> events = new ArrayList<>();

    @Override
    public synchronized boolean add(DeviceEvent event) {
        if (events.stream().anyMatch(e -> e.productId().equals(event.productId()) && e.eventId().equals(event.eventId()))) {
            return false;
        }
        return events.add(event);
    }

    @Override
    public synchronized List<DeviceEvent> eventsOf(ProductId productId) {
        return events.stream().filter(e -> e.productId().equals(productId))
                .sorted(Comparator.comparing(DeviceEvent::occurredAt).thenComparing(DeviceEvent::receivedAt)).toList();
    }

    public synchronized int size() {
        return events.size();
    }
}
