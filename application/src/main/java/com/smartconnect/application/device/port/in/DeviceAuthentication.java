package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.ProductId;

/** The answer to a device's credentials. */
public sealed interface DeviceAuthentication {

    /** A device of the catalog with its own secret. */
    record Accepted(ProductId productId) implements DeviceAuthentication {
    }

    /** Unknown device, wrong secret, or a client id other than the user name: the same answer for all. */
    record Refused(String reason) implements DeviceAuthentication {
    }
}
