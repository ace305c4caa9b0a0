package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The owner removes a UPS from their account; it may then be registered again, by anyone holding its label. */
public record UnregisterDeviceCommand(AuthenticatedUser user, String productId) {

    public UnregisterDeviceCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
    }
}
