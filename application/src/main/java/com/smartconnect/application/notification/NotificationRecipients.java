package com.smartconnect.application.notification;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.device.DeviceRegistrationListener;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import jakarta.inject.Inject;

/**
 * Who the Event Notifications of a device write to, as the owner's account changes: a newly registered device gets
 * its first notification (the owner, warning and critical events, e-mail on), and the notifications of an owner's
 * devices follow the owner to a new address.
 */
public final class NotificationRecipients implements DeviceRegistrationListener, AccountDependents {

    private final DeviceRegistrationRepository registrations;
    private final EventNotificationRepository notifications;
    private final RandomSource random;

    @Inject
    public NotificationRecipients(DeviceRegistrationRepository registrations, EventNotificationRepository notifications,
            RandomSource random) {
        this.registrations = registrations;
        this.notifications = notifications;
        this.random = random;
    }

    @Override
    public void registered(DeviceRegistration registration, Account owner) {
        notifications.add(EventNotification.defaultFor(new NotificationId(random.uuid()), registration.productId(),
                owner.email()));
    }

    @Override
    public void emailChanged(Account before, EmailAddress newEmail) {
        registrations.ofCompany(before.companyId()).stream().filter(r -> r.owner().equals(before.id()))
                .flatMap(r -> notifications.ofDevice(r.productId()).stream())
                .filter(n -> n.hasRecipient(before.email()))
                .forEach(n -> notifications.update(n.withRecipientReplaced(before.email(), newEmail)));
    }
}
