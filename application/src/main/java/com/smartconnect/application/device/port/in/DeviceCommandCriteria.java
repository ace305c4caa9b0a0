package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** One command sent to a UPS, as a logged-in user asks for it: the Product ID and command id as given. */
public record DeviceCommandCriteria(AuthenticatedUser user, String productId, String commandId) {

    public DeviceCommandCriteria {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(commandId, "commandId");
    }
}
