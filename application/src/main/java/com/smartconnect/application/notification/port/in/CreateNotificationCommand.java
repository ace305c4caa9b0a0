package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/**
 * The device's owner adds an Event Notification (which is also how an unsubscribed address is subscribed again);
 * the Product ID as given, which the use case checks.
 */
public record CreateNotificationCommand(AuthenticatedUser user, String productId, NotificationInput input) {

    public CreateNotificationCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(input, "input");
    }
}
