package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;

/** The device's owner deletes one of its Event Notifications; the ids as given, which the use case checks. */
public record DeleteNotificationCommand(AuthenticatedUser user, String productId, String notificationId) {

    public DeleteNotificationCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(notificationId, "notificationId");
    }
}
