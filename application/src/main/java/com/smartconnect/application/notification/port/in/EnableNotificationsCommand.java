package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The device's owner ends a disabling by the throttle at once, as the alert's link does. */
public record EnableNotificationsCommand(AuthenticatedUser user, String productId) {

    public EnableNotificationsCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
    }
}
