package com.smartconnect.bootstrap;

import com.google.inject.Injector;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;

/**
 * Email Event Notifications: a device's notification settings, the links of the notification mails, and enabling
 * again after the throttle.
 */
public record Notifications(
        NotificationSettingsUseCase settings,
        NotificationLinkUseCase links,
        ReenableNotificationsUseCase reenable) {

    static Notifications of(Injector injector) {
        return new Notifications(
                injector.getInstance(NotificationSettingsUseCase.class),
                injector.getInstance(NotificationLinkUseCase.class),
                injector.getInstance(ReenableNotificationsUseCase.class));
    }
}
