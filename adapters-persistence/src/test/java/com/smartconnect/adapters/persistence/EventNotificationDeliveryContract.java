package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.application.fake.RecordingCommandAcknowledgements;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.application.notification.EventNotificationDelivery;
import com.smartconnect.application.notification.NotificationLinkService;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.Company;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import com.smartconnect.domain.notification.NotificationThrottle;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The real delivery of Event Notifications over the real database: two ingest services over the same database, as two
 * server instances would be, storing the events of one device at the same moment. The clock stands still, so every
 * notification falls in the same 30-minute window: 6 notifications go out, the 7th becomes the one "Event
 * Notifications Disabled" alert, and the rest are only logged, however the transactions interleave. With a clock that
 * stands still the ingest's update of the device's state row changes nothing after the first, so it is the throttle's
 * lock alone that makes the instances decide one after the other: without it, both would read the same throttle and
 * send more than 6.
 */
abstract class EventNotificationDeliveryContract extends PortContract {

    /** To the millisecond, as the enable links name the end of a disabling. */
    private static final Instant NOW = Instant.parse("2026-11-20T08:20:00.123Z");
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    /** When the events happened at the device, a little before they reach the server. */
    private static final Instant OCCURRED = NOW.minusSeconds(5);
    private static final Instant FAR_FUTURE = NOW.plus(Duration.ofDays(3650));
    private static final int THREADS = 2;
    private static final int EVENTS_PER_THREAD = 10;
    private static final int ROUNDS = 3;
    private static final int ENABLERS = 2;
    private static final String ENABLE_PURPOSE = "event-notification-enable";

    private final MutableClock clock = new MutableClock(NOW);
    private final PlainLinkSigner signer = new PlainLinkSigner();

    /** Each sends 10 events of one device, one per call, both at once, through instances of their own. */
    @Test
    void twoInstancesIngestingOneDeviceAtOnceSendSixNotificationsAndOneAlert() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Account owner = storedOwner();
            ProductId device = registeredOnStandard(owner);
            List<DeviceIngestService> instances = List.of(instance(), instance());

            List<String> eventIds = ingestInParallel(device, instances);

            assertThat(ports.deviceEvents().eventsOf(device)).as("round " + round)
                    .extracting(DeviceEvent::eventId).containsExactlyInAnyOrderElementsOf(eventIds);
            List<OutgoingMail> mails = mailsOf(device);
            List<OutgoingMail> notifications = ofTemplate(mails, MailTemplate.EVENT_NOTIFICATION);
            List<OutgoingMail> alerts = ofTemplate(mails, MailTemplate.EVENT_NOTIFICATIONS_DISABLED);
            assertThat(notifications).as("round " + round).hasSize(NotificationThrottle.MAX_IN_WINDOW)
                    .allSatisfy(mail -> assertThat(mail.to()).isEqualTo(owner.email()));
            assertThat(alerts).as("round " + round).hasSize(1)
                    .allSatisfy(mail -> assertThat(mail.to()).isEqualTo(owner.email()));
            assertThat(mails).as("round " + round).hasSize(NotificationThrottle.MAX_IN_WINDOW + 1);
            NotificationThrottle throttle = ports.notificationThrottles().find(device);
            assertThat(throttle.disabledUntil()).as("round " + round)
                    .contains(NOW.plus(NotificationThrottle.DISABLED_FOR));
            assertThat(throttle.isDisabledAt(NOW)).isTrue();
            assertThat(ports.notificationThrottles().disabledUntil(device, NOW)).isPresent();

            // The alert's link works against the stored throttle: notifications are on again, with a fresh window.
            String token = alerts.getFirst().values().get("enableToken");
            assertThat(token).isEqualTo(enableToken(device));
            assertThat(links(ports.notificationThrottles()).enable(token)).isPresent();
            assertThat(ports.notificationThrottles().find(device)).isEqualTo(NotificationThrottle.FRESH);
        }
    }

    /**
     * The same, while the alert's "Enable Notifications" link is followed again and again, at once on two instances
     * (an owner clicking twice, a mail client opening links ahead): neither side waits for the other in a circle, nothing
     * fails, every event is stored, and the mails add up to the throttle's rules. Each enable that took effect ended one
     * disabling (the clock stands still, so nothing else does) and started a fresh window of 6; had two enables both
     * taken the same disabling for theirs (no lock), one would wipe the sends made after the other, and more than 6
     * would go out before the next alert.
     */
    @Test
    void enablingWhileInstancesIngestNeitherDeadlocksNorBreaksTheThrottle() throws Exception {
        int enabledInAllRounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Account owner = storedOwner();
            ProductId device = registeredOnStandard(owner);
            List<DeviceIngestService> instances = List.of(instance(), instance());
            CountingThrottles counting = new CountingThrottles(ports.notificationThrottles());
            String token = enableToken(device);
            AtomicBoolean ingesting = new AtomicBoolean(true);
            AtomicInteger calls = new AtomicInteger();
            List<CompletableFuture<Void>> enablers = new ArrayList<>();
            for (int e = 0; e < ENABLERS; e++) {
                NotificationLinkService links = links(counting);
                enablers.add(CompletableFuture.runAsync(() -> {
                    while (ingesting.get()) {
                        assertThat(links.enable(token)).isPresent();
                        calls.incrementAndGet();
                        Thread.onSpinWait();
                    }
                }, SEPARATE_THREADS));
            }

            List<String> eventIds;
            try {
                eventIds = ingestInParallel(device, instances);
            } finally {
                ingesting.set(false);
            }
            for (CompletableFuture<Void> enabler : enablers) {
                enabler.get(20, TimeUnit.SECONDS);
            }

            assertThat(calls.get()).as("round " + round).isPositive();
            assertThat(ports.deviceEvents().eventsOf(device)).as("round " + round)
                    .extracting(DeviceEvent::eventId).containsExactlyInAnyOrderElementsOf(eventIds);
            List<OutgoingMail> mails = mailsOf(device);
            int notifications = ofTemplate(mails, MailTemplate.EVENT_NOTIFICATION).size();
            int alerts = ofTemplate(mails, MailTemplate.EVENT_NOTIFICATIONS_DISABLED).size();
            int enabled = counting.saves.get();
            NotificationThrottle last = ports.notificationThrottles().find(device);
            String counts = "round " + round + ": " + notifications + " notifications, " + alerts + " alerts, "
                    + enabled + " enables, last " + last;
            // Every disabling but the one in force, if any, was ended by exactly one enable.
            assertThat(alerts - enabled).as(counts).isEqualTo(last.isDisabledAt(NOW) ? 1 : 0);
            // Each alert closed a window of exactly 6; what was sent since the last one is in the throttle.
            assertThat(notifications).as(counts)
                    .isEqualTo(NotificationThrottle.MAX_IN_WINDOW * alerts + last.recentSends().size());
            assertThat(notifications + alerts).as(counts).isLessThanOrEqualTo(THREADS * EVENTS_PER_THREAD);
            enabledInAllRounds += enabled;
        }
        // Otherwise the rounds above tested no enable at all (each round had 13 events to ingest after its alert).
        assertThat(enabledInAllRounds).as("enables that took effect").isPositive();
    }

    /** One call of one instance with 9 events of the same device: the throttle decides them one by one. */
    @Test
    void aBatchOfNineEventsSendsSixNotificationsAndOneAlert() {
        Account owner = storedOwner();
        ProductId device = registeredOnStandard(owner);
        List<IncomingDeviceMessage> batch = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            batch.add(onBattery(device, uniqueEventId(device, 0, i)));
        }

        List<IngestOutcome> outcomes = instance().ingest(batch);

        assertThat(outcomes).hasSize(9).containsOnly(new IngestOutcome.Stored());
        assertThat(ports.deviceEvents().eventsOf(device)).hasSize(9);
        List<OutgoingMail> mails = mailsOf(device);
        assertThat(ofTemplate(mails, MailTemplate.EVENT_NOTIFICATION)).hasSize(6);
        assertThat(ofTemplate(mails, MailTemplate.EVENT_NOTIFICATIONS_DISABLED)).hasSize(1);
        assertThat(mails).hasSize(7);
        assertThat(ports.notificationThrottles().find(device).isDisabledAt(NOW)).isTrue();

        // Delivered again, the batch is stored and notified no second time.
        assertThat(instance().ingest(batch)).containsOnly(new IngestOutcome.Duplicate());
        assertThat(ports.deviceEvents().eventsOf(device)).hasSize(9);
        assertThat(mailsOf(device)).isEmpty();
    }

    /**
     * Starts the threads together, each ingesting its events through an instance of its own (in turn), one event per
     * call; every call must store its event. The event ids stored.
     */
    private List<String> ingestInParallel(ProductId device, List<DeviceIngestService> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<String>>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            DeviceIngestService instance = instances.get(t % instances.size());
            int thread = t;
            threads.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    String eventId = uniqueEventId(device, thread, i);
                    assertThat(instance.ingest(List.of(onBattery(device, eventId))))
                            .containsExactly(new IngestOutcome.Stored());
                    ids.add(eventId);
                }
                return ids;
            }, SEPARATE_THREADS));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (CompletableFuture<List<String>> thread : threads) {
            all.addAll(thread.get(30, TimeUnit.SECONDS));
        }
        assertThat(all).hasSize(THREADS * EVENTS_PER_THREAD).doesNotHaveDuplicates();
        return all;
    }

    /** One server instance: an ingest service with a delivery of its own, over the shared database. */
    private DeviceIngestService instance() {
        EventNotificationDelivery delivery = new EventNotificationDelivery(new ScriptedRandomSource(),
                ports.notificationTargets(), ports.notificationThrottles(), ports.mailOutbox(), signer);
        return new DeviceIngestService(clock, ports.transactions(), ports.deviceStates(),
                ports.deviceEvents(), new RecordingCommandAcknowledgements(), new DeviceMessageCounters(), delivery);
    }

    private NotificationLinkService links(NotificationThrottleRepository throttles) {
        return new NotificationLinkService(clock, ports.transactions(), ports.eventNotifications(),
                ports.notificationTargets(), throttles, signer);
    }

    /** The link of the alert of a disabling at {@link #NOW}, as the delivery signs it. */
    private String enableToken(ProductId device) {
        return signer.sign(ENABLE_PURPOSE,
                device.value() + "/" + NOW.plus(NotificationThrottle.DISABLED_FOR).toEpochMilli());
    }

    private static IncomingDeviceMessage onBattery(ProductId device, String eventId) {
        return new IncomingDeviceMessage(device, new DeviceMessage.Event(eventId, "ON_BATTERY", OCCURRED, "{}"));
    }

    private static String uniqueEventId(ProductId device, int thread, int index) {
        return device.value() + "-" + thread + "-" + index + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registered device of {@code owner}, on Standard for a year, with the default notification (its owner). */
    private ProductId registeredOnStandard(Account owner) {
        ProductId device = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(device, "SMT1500RMI2UC"));
        assertThat(ports.deviceRegistrations().add(
                DeviceRegistration.registered(device, owner.id(), owner.companyId(), NOW.minusSeconds(3600)))).isTrue();
        Instant started = NOW.minus(Duration.ofDays(1));
        ports.plans().save(new DevicePlan(device, Plan.STANDARD, started, Optional.of(IN_A_YEAR)),
                new PlanChange(device, Plan.STANDARD, started, Optional.of(IN_A_YEAR), PlanChange.Reason.ACTIVATED,
                        "store"));
        ports.eventNotifications().add(EventNotification.defaultFor(new NotificationId(UUID.randomUUID()), device,
                owner.email()));
        return device;
    }

    private Account storedOwner() {
        Company company = Examples.company();
        ports.companies().add(company);
        Account account = new Account(new AccountId(UUID.randomUUID()), Examples.uniqueEmail(),
                new PersonName("Grace", "Hopper"), new Country("GB"), "$argon2id$v=19$hash", company.id(), false,
                NOW.minusSeconds(7200), NOW.minusSeconds(7200));
        ports.accounts().add(account);
        return account;
    }

    /**
     * The mails about {@code device} waiting in the outbox, claimed (so the next call finds only newer ones); the
     * mails of other tests' devices are claimed along and left out.
     */
    private List<OutgoingMail> mailsOf(ProductId device) {
        List<OutgoingMail> mails = new ArrayList<>();
        List<PendingMail> claimed;
        do {
            claimed = ports.mailDeliveryQueue().claimDue(FAR_FUTURE, 1000, Duration.ofMinutes(1));
            claimed.stream().map(PendingMail::mail)
                    .filter(mail -> device.value().equals(mail.values().get("productId")))
                    .forEach(mails::add);
        } while (claimed.size() == 1000);
        return mails;
    }

    private static List<OutgoingMail> ofTemplate(List<OutgoingMail> mails, MailTemplate template) {
        return mails.stream().filter(mail -> mail.template() == template).toList();
    }

    /** The real repository, counting the saves: the enable link saves only when it ends a disabling. */
    private static final class CountingThrottles implements NotificationThrottleRepository {

        final AtomicInteger saves = new AtomicInteger();
        private final NotificationThrottleRepository real;

        CountingThrottles(NotificationThrottleRepository real) {
            this.real = real;
        }

        @Override
        public Map<ProductId, NotificationThrottle> lock(Collection<ProductId> productIds) {
            return real.lock(productIds);
        }

        @Override
        public void saveAll(Map<ProductId, NotificationThrottle> throttles) {
            real.saveAll(throttles);
            // Counted once the transaction commits would be exact; it always does here, nothing after it can fail.
            saves.incrementAndGet();
        }

        @Override
        public NotificationThrottle find(ProductId productId) {
            return real.find(productId);
        }

        @Override
        public List<ProductId> reenableEnded(Instant now, int limit) {
            return real.reenableEnded(now, limit);
        }
    }
}
