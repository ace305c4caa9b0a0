package com.smartconnect.application.notification.port.in;

import com.smartconnect.application.device.port.in.DeviceCriteria;
import java.util.Optional;

/**
 * The Email Notifications settings of a device: everyone who sees the device reads them; only the account owner who
 * registered it changes them.
 */
public interface NotificationSettingsUseCase {

    /** The settings; empty if the user does not see the device. */
    Optional<NotificationSettingsView> settings(DeviceCriteria device);

    /** Creates a notification (which is also how an unsubscribed address is subscribed again). */
    NotificationChangeResult create(CreateNotificationCommand command);

    /** Saves a notification. */
    NotificationChangeResult update(UpdateNotificationCommand command);

    /** Deletes a notification. */
    NotificationChangeResult delete(DeleteNotificationCommand command);

    /** Ends a disabling by the throttle at once, as the alert's link does. */
    NotificationChangeResult enable(EnableNotificationsCommand command);
}
