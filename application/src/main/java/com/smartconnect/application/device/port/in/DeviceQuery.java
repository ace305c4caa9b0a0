package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Optional;

/** What the server knows of a device: its state and its events. */
public interface DeviceQuery {

    /** Empty for a device that never sent anything nor connected. */
    Optional<DeviceState> state(ProductId productId);

    /** The device's events, oldest first by the device's time. */
    List<DeviceEvent> events(ProductId productId);
}
