package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Optional;

/**
 * The Email Notifications settings of a device: everyone who sees the device reads them; only the account owner who
 * registered it changes them.
 */
public interface NotificationSettingsUseCase {

    /** The settings; empty if the user does not see the device. */
    Optional<NotificationSettingsView> settings(AuthenticatedUser user, String productId);

    /** Creates a notification (which is also how an unsubscribed address is subscribed again). */
    NotificationChangeResult create(AuthenticatedUser user, String productId, NotificationInput input);

    /** Saves a notification. */
    NotificationChangeResult update(AuthenticatedUser user, String productId, String notificationId,
            NotificationInput input);

    /** Deletes a notification. */
    NotificationChangeResult delete(AuthenticatedUser user, String productId, String notificationId);

    /** Ends a disabling by the throttle at once, as the alert's link does. */
    NotificationChangeResult enable(AuthenticatedUser user, String productId);
}
