package com.smartconnect.application.port.out;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.util.List;

/** The events of devices, unique by Product ID and event id. */
public interface DeviceEventRepository {

    /** Stores the event; {@code false}, and nothing changed, if the device's event of this id is stored already. */
    boolean add(DeviceEvent event);

    /** Oldest first by the device's time, then by receive time. */
    List<DeviceEvent> eventsOf(ProductId productId);
}
