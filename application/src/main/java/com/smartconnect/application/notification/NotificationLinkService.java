package com.smartconnect.application.notification;

import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationThrottle;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links of notification mails ("Unsubscribe from Email Event Notifications", "Enable Notifications"), and the
 * scheduled job that re-enables notifications 7 days after the throttle disabled them.
 *
 * <p>Unsubscribing takes the recipient off every notification of the device: the address gets no more Event
 * Notifications of it, until the owner adds it again in the settings. An enable link ends only the disabling it was
 * sent for, once; the job and the link may race, and whichever comes second finds nothing to do.
 */
public final class NotificationLinkService implements NotificationLinkUseCase, ReenableNotificationsUseCase {

    private static final int BATCH = 100;
    /** What the pages call a device that is no longer registered. */
    private static final String UNREGISTERED = "your UPS";

    private final Clock clock;
    private final Transactions transactions;
    private final EventNotificationRepository notifications;
    private final NotificationTargets targets;
    private final NotificationThrottleRepository throttles;
    private final NotificationLinkTokens tokens;

    @Inject
    public NotificationLinkService(Clock clock, Transactions transactions, EventNotificationRepository notifications,
            NotificationTargets targets, NotificationThrottleRepository throttles, LinkSigner signer) {
        this.clock = clock;
        this.transactions = transactions;
        this.notifications = notifications;
        this.targets = targets;
        this.throttles = throttles;
        this.tokens = new NotificationLinkTokens(signer);
    }

    @Override
    public Optional<Unsubscription> unsubscription(String token) {
        return tokens.unsubscribe(token).map(link -> unsubscription(link, notifications.ofDevice(link.productId())));
    }

    @Override
    public Optional<Unsubscription> unsubscribe(String token) {
        return tokens.unsubscribe(token).map(link -> transactions.inTransaction(() -> {
            List<EventNotification> current = notifications.lockOfDevice(link.productId());
            for (EventNotification notification : current) {
                notification.recipients().stream().filter(link::names).findFirst()
                        .ifPresent(recipient -> notifications.update(notification.without(recipient)));
            }
            Unsubscription before = unsubscription(link, current);
            return new Unsubscription(before.productId(), before.deviceName(), before.recipient(), false);
        }));
    }

    @Override
    public Optional<Enabling> enabling(String token) {
        Instant now = clock.instant();
        return tokens.enable(token).map(link -> enablingOf(link, throttles.find(link.productId()), now));
    }

    @Override
    public Optional<Enabling> enable(String token) {
        return tokens.enable(token).map(link -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            NotificationThrottle throttle = throttles.lock(List.of(link.productId()))
                    .getOrDefault(link.productId(), NotificationThrottle.FRESH);
            if (names(link, throttle, now)) {
                throttle = throttle.enabled();
                throttles.saveAll(Map.of(link.productId(), throttle));
            }
            return enablingOf(link, throttle, now);
        }));
    }

    @Override
    public int reenableDue() {
        int total = 0;
        int batch;
        do {
            Instant now = clock.instant();
            batch = transactions.inTransaction(() -> throttles.reenableEnded(now, BATCH).size());
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    /** Whether the link's disabling is the one in force. */
    private static boolean names(NotificationLinkTokens.Enable link, NotificationThrottle throttle, Instant now) {
        return throttle.isDisabledAt(now) && throttle.disabledUntil().orElseThrow().equals(link.disabledUntil());
    }

    private Enabling enablingOf(NotificationLinkTokens.Enable link, NotificationThrottle throttle, Instant now) {
        Optional<NotificationTargets.Target> target = target(link.productId());
        Optional<Instant> disabledUntil = throttle.isDisabledAt(now) ? throttle.disabledUntil() : Optional.empty();
        return new Enabling(link.productId(), target.map(t -> t.owner().deviceName()).orElse(UNREGISTERED),
                disabledUntil,
                target.map(NotificationTargets.Target::timeZone).orElse((ZoneId) ZoneOffset.UTC),
                disabledUntil.isEmpty() || names(link, throttle, now));
    }

    private Unsubscription unsubscription(NotificationLinkTokens.Unsubscribe link, List<EventNotification> current) {
        Optional<EmailAddress> recipient = current.stream().flatMap(n -> n.recipients().stream())
                .filter(link::names).findFirst();
        String deviceName = target(link.productId()).map(t -> t.owner().deviceName()).orElse(UNREGISTERED);
        return new Unsubscription(link.productId(), deviceName, recipient.map(EmailAddress::value).orElse("this address"),
                recipient.isPresent());
    }

    private Optional<NotificationTargets.Target> target(ProductId productId) {
        return Optional.ofNullable(targets.of(List.of(productId)).get(productId));
    }
}
