package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.DeviceEventListener;
import com.smartconnect.application.device.DeviceRegistrationListener;
import com.smartconnect.application.notification.EventNotificationDelivery;
import com.smartconnect.application.notification.NotificationLinkService;
import com.smartconnect.application.notification.NotificationRecipients;
import com.smartconnect.application.notification.NotificationReenablingJob;
import com.smartconnect.application.notification.NotificationSettingsService;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;

/**
 * The notification context: Event Notifications, their settings, throttle and links. It follows the devices' stored
 * events and new registrations, and the owners' address changes.
 */
final class NotificationModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(EventNotificationDelivery.class).in(Scopes.SINGLETON);
        bind(DeviceEventListener.class).to(EventNotificationDelivery.class);
        bind(NotificationRecipients.class).in(Scopes.SINGLETON);
        bind(DeviceRegistrationListener.class).to(NotificationRecipients.class);
        Multibinder.newSetBinder(binder(), AccountDependents.class).addBinding().to(NotificationRecipients.class);
        bind(NotificationSettingsUseCase.class).to(NotificationSettingsService.class).in(Scopes.SINGLETON);
        bind(NotificationLinkService.class).in(Scopes.SINGLETON);
        bind(NotificationLinkUseCase.class).to(NotificationLinkService.class);
        bind(ReenableNotificationsUseCase.class).to(NotificationLinkService.class);
        Multibinder.newSetBinder(binder(), Job.class).addBinding().to(NotificationReenablingJob.class).in(Scopes.SINGLETON);
    }
}
