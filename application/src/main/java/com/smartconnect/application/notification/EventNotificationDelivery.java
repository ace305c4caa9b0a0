package com.smartconnect.application.notification;

import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.device.DeviceEventListener;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns stored events into Event Notification mails, inside the transaction that stored them, so that an event is
 * notified exactly when it is stored: never twice (a redelivered event is not stored again), and never lost (the
 * mails go to the transactional outbox with the events).
 *
 * <p>An event makes one notification of its device when the device is registered, its UPS profile has notifications
 * on, its plan includes e-mail event notifications, and the event matches a notification that has e-mail on and
 * recipients: then each recipient gets one mail (once, whatever number of its notifications match). Each notification
 * goes through the device's {@link NotificationThrottle}: the 7th within 30 minutes sends the "Event Notifications
 * Disabled" alert to the owner instead, and the following ones nothing for 7 days. The throttle rows are locked in
 * Product ID order, after whatever state rows the caller locks (callers take those first, and none after), so
 * instances sharing the database decide one device's notifications one after the other, and never deadlock.
 */
public final class EventNotificationDelivery implements DeviceEventListener {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final RandomSource random;
    private final NotificationTargets targets;
    private final NotificationThrottleRepository throttles;
    private final MailOutbox outbox;
    private final NotificationLinkTokens tokens;

    @Inject
    public EventNotificationDelivery(RandomSource random, NotificationTargets targets,
            NotificationThrottleRepository throttles, MailOutbox outbox, LinkSigner signer) {
        this.random = random;
        this.targets = targets;
        this.throttles = throttles;
        this.outbox = outbox;
        this.tokens = new NotificationLinkTokens(signer);
    }

    /** One event to notify, and who would get it. */
    private record Match(DeviceEvent event, Set<EmailAddress> recipients) {
    }

    /**
     * Notifies the events just stored (in the caller's transaction, at the server's time {@code now}), in the order
     * given; the number of mails it queued.
     */
    @Override
    public int eventsStored(List<DeviceEvent> stored, Instant now) {
        if (stored.isEmpty()) {
            return 0;
        }
        Map<ProductId, List<DeviceEvent>> byDevice = new LinkedHashMap<>();
        stored.forEach(event -> byDevice.computeIfAbsent(event.productId(), id -> new ArrayList<>()).add(event));
        Map<ProductId, NotificationTargets.Target> found = targets.of(byDevice.keySet());
        Map<ProductId, List<Match>> matched = new TreeMap<>(Comparator.comparing(ProductId::value));
        byDevice.forEach((productId, events) -> {
            NotificationTargets.Target target = found.get(productId);
            if (target == null || !planSends(target, now)) {
                return;
            }
            for (DeviceEvent event : events) {
                Set<EmailAddress> recipients = new LinkedHashSet<>();
                target.notifications().stream().filter(n -> n.mails(event))
                        .forEach(n -> recipients.addAll(n.recipients()));
                if (!recipients.isEmpty()) {
                    matched.computeIfAbsent(productId, id -> new ArrayList<>()).add(new Match(event, recipients));
                }
            }
        });
        if (matched.isEmpty()) {
            return 0;
        }
        Map<ProductId, NotificationThrottle> locked = throttles.lock(matched.keySet());
        Map<ProductId, NotificationThrottle> decided = new HashMap<>();
        int mails = 0;
        for (Map.Entry<ProductId, List<Match>> device : matched.entrySet()) {
            NotificationTargets.Target target = found.get(device.getKey());
            NotificationThrottle throttle = locked.getOrDefault(device.getKey(), NotificationThrottle.FRESH);
            for (Match match : device.getValue()) {
                NotificationThrottle.Outcome outcome = throttle.decide(now);
                throttle = outcome.next();
                switch (outcome.decision()) {
                    case SEND -> {
                        for (EmailAddress recipient : match.recipients()) {
                            outbox.enqueue(notification(target, match.event(), recipient));
                            mails++;
                        }
                    }
                    case DISABLE -> {
                        outbox.enqueue(disabledAlert(device.getKey(), target, throttle.disabledUntil().orElseThrow()));
                        mails++;
                    }
                    case SUPPRESS -> {
                        // Logged in the event log, and nothing else: the owner has the alert already.
                    }
                }
            }
            decided.put(device.getKey(), throttle);
        }
        throttles.saveAll(decided);
        return mails;
    }

    /** Whether the plan of a device with its notifications on lets its mails go out. */
    static boolean planSends(NotificationTargets.Target target, Instant now) {
        return target.plan().filter(plan -> plan.includesAt(PlanFeature.EMAIL_EVENT_NOTIFICATIONS, now)).isPresent();
    }

    private OutgoingMail notification(NotificationTargets.Target target, DeviceEvent event, EmailAddress recipient) {
        ZoneId zone = target.timeZone();
        return new OutgoingMail(new MailId(random.uuid()), recipient, MailTemplate.EVENT_NOTIFICATION, Map.of(
                "deviceName", target.owner().deviceName(),
                "productId", event.productId().value(),
                "eventTitle", EventAdvice.title(event.type()),
                "eventType", event.type(),
                "severity", severity(event),
                "occurredAt", WHEN.format(event.occurredAt().atZone(zone)),
                "timeZone", zone.getId(),
                "advice", EventAdvice.advice(event.type()),
                "unsubscribeToken", tokens.unsubscribe(event.productId(), recipient)));
    }

    private OutgoingMail disabledAlert(ProductId productId, NotificationTargets.Target target, Instant disabledUntil) {
        ZoneId zone = target.timeZone();
        return new OutgoingMail(new MailId(random.uuid()), target.owner().email(),
                MailTemplate.EVENT_NOTIFICATIONS_DISABLED, Map.of(
                        "firstName", target.owner().firstName(),
                        "deviceName", target.owner().deviceName(),
                        "productId", productId.value(),
                        "maxNotifications", Integer.toString(NotificationThrottle.MAX_IN_WINDOW),
                        "windowMinutes", Long.toString(NotificationThrottle.WINDOW.toMinutes()),
                        "disabledDays", Long.toString(NotificationThrottle.DISABLED_FOR.toDays()),
                        "disabledUntil", WHEN.format(disabledUntil.atZone(zone)),
                        "timeZone", zone.getId(),
                        "enableToken", tokens.enable(productId, disabledUntil)));
    }

    private static String severity(DeviceEvent event) {
        String name = event.severity().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
