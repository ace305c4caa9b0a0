package com.smartconnect.application.device;

import com.smartconnect.application.device.port.in.DeviceQuery;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.ProductId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Reads what the server knows of a device. */
public final class DeviceQueryService implements DeviceQuery {

    private final DeviceStateRepository states;
    private final DeviceEventRepository events;

    @Inject
    public DeviceQueryService(DeviceStateRepository states, DeviceEventRepository events) {
        this.states = states;
        this.events = events;
    }

    @Override
    public Optional<DeviceState> state(ProductId productId) {
        return states.find(productId);
    }

    @Override
    public List<DeviceEvent> events(ProductId productId) {
        return events.eventsOf(productId);
    }
}
