package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.ProductId;
import java.util.Objects;

/** A message and the authenticated device that sent it. */
public record IncomingDeviceMessage(ProductId productId, DeviceMessage message) {

    public IncomingDeviceMessage {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(message, "message");
    }
}
