package com.smartconnect.application.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryNotificationTargets;
import com.smartconnect.application.fake.InMemoryNotificationThrottles;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The job that ends the 7-day disablings of Event Notifications, over the real use case and in-memory ports. */
class NotificationReenablingJobTest {

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryNotificationThrottles throttles = new InMemoryNotificationThrottles();
    private final NotificationLinkService links = new NotificationLinkService(clock, new DirectTransactions(),
            new InMemoryEventNotifications(), notificationTargets(), throttles, new PlainLinkSigner());
    private final NotificationReenablingJob job = new NotificationReenablingJob(links);

    private InMemoryNotificationTargets notificationTargets() {
        return new InMemoryNotificationTargets(new InMemoryDeviceRegistrations(), new InMemoryAccounts(),
                new InMemoryPlans(), new InMemoryEventNotifications());
    }

    private static ProductId ups(int i) {
        return new ProductId(String.format("AS%010d", i));
    }

    /** Disables the notifications of these devices now, as the throttle does, for its 7 days. */
    private void disabled(List<ProductId> devices) {
        Instant until = clock.instant().plus(NotificationThrottle.DISABLED_FOR);
        Map<ProductId, NotificationThrottle> changed = new HashMap<>();
        devices.forEach(id -> changed.put(id, new NotificationThrottle(List.of(), Optional.of(until))));
        throttles.saveAll(changed);
    }

    @Test
    void aPassEnablesTheDevicesWhoseSevenDaysHavePassedAndCountsThem() {
        disabled(List.of(ups(1), ups(2), ups(3)));
        clock.advance(Duration.ofDays(1));
        disabled(List.of(ups(4)));
        clock.advance(NotificationThrottle.DISABLED_FOR.minusDays(1).minusSeconds(1));

        assertThat(job.runDue()).as("a second early").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(job.runDue()).isEqualTo(3);
        assertThat(throttles.find(ups(1))).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles.find(ups(4)).disabledUntil()).as("disabled a day later").isPresent();
        assertThat(job.runDue()).as("once").isZero();
    }

    @Test
    void aPassEnablesEveryDueDeviceEvenBeyondOneBatch() {
        List<ProductId> fleet = java.util.stream.IntStream.range(0, 260).mapToObj(NotificationReenablingJobTest::ups)
                .toList();
        disabled(fleet);
        clock.advance(NotificationThrottle.DISABLED_FOR);

        assertThat(job.runDue()).isEqualTo(260);
        assertThat(fleet).allSatisfy(id -> assertThat(throttles.find(id)).isEqualTo(NotificationThrottle.FRESH));
    }
}
