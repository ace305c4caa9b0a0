package com.smartconnect.application.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceOwners;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan schedule's passes over many devices, devices without a known owner, and the notice stages it records. */
class PlanScheduleJobTest {

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryPlans plans = new InMemoryPlans();
    private final InMemoryDeviceOwners owners = new InMemoryDeviceOwners();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final PlanScheduleJob job = schedule(FreePeriodPolicy.DEFAULT);

    private PlanScheduleJob schedule(FreePeriodPolicy policy) {
        return new PlanScheduleJob(clock, new ScriptedRandomSource(), new DirectTransactions(), plans, owners, outbox,
                policy);
    }

    private static ProductId ups(int i) {
        return new ProductId(String.format("AS%010d", i));
    }

    /** A device in its free period, ending {@code after} from now, whose owner is known. */
    private Instant freePeriod(ProductId productId, Duration after) {
        Instant end = clock.instant().plus(after);
        Instant start = end.minus(Duration.ofDays(365));
        plans.save(new DevicePlan(productId, Plan.FREE_PERIOD, start, Optional.of(end)), new PlanChange(productId,
                Plan.FREE_PERIOD, start, Optional.of(end), PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL));
        return end;
    }

    private void owned(ProductId productId) {
        owners.register(productId, new DeviceOwners.DeviceOwner(new AccountId(UUID.randomUUID()),
                new EmailAddress("owner-" + productId.value().toLowerCase() + "@example.org"), "Ada", "UPS"));
    }

    private long notices() {
        return outbox.all().stream().filter(m -> m.template() == MailTemplate.FREE_PERIOD_ENDING).count();
    }

    @Test
    void onePassSendsTheDueNoticeOfEveryDeviceEvenBeyondOneBatch() {
        int fleet = 250;
        for (int i = 0; i < fleet; i++) {
            freePeriod(ups(i), Duration.ofDays(20));
            owned(ups(i));
        }

        assertThat(job.runDue()).isEqualTo(fleet);
        assertThat(notices()).isEqualTo(fleet);
        assertThat(outbox.all()).extracting(m -> m.to().value()).doesNotHaveDuplicates();
        assertThat(job.runDue()).as("each once").isZero();
    }

    @Test
    void onePassEndsEveryEndedPlanEvenBeyondOneBatch() {
        int fleet = 230;
        for (int i = 0; i < fleet; i++) {
            freePeriod(ups(i), Duration.ofDays(1));
        }
        clock.advance(Duration.ofDays(1));

        assertThat(job.runDue()).as("no owner known: no notices, only the ends").isEqualTo(fleet);

        assertThat(plans.find(ups(fleet - 1)).orElseThrow().plan()).isEqualTo(Plan.BASIC);
        assertThat(plans.find(ups(0)).orElseThrow().plan()).isEqualTo(Plan.BASIC);
        assertThat(job.runDue()).isZero();
    }

    @Test
    void aDeviceWhoseOwnerIsUnknownGetsNoNoticeUntilTheOwnerIsKnown() {
        freePeriod(ups(1), Duration.ofDays(20));

        assertThat(job.runDue()).isZero();
        assertThat(outbox.all()).isEmpty();

        owned(ups(1));
        assertThat(job.runDue()).isEqualTo(1);
        assertThat(outbox.last().values()).containsEntry("daysLeft", "20");
    }

    @Test
    void aNoticeSentLateRecordsTheEarlierStagesAsDone() {
        Instant end = freePeriod(ups(1), Duration.ofDays(5));
        owned(ups(1));

        assertThat(job.runDue()).isEqualTo(1);

        assertThat(plans.markNoticeSent(ups(1), end, 30)).as("the 30-day stage counts as sent").isFalse();
        assertThat(plans.markNoticeSent(ups(1), end, 7)).as("the current stage is sent").isFalse();
    }

    @Test
    void theDaysLeftAreCountedUpSoAPassMinutesAfterTheMarkStillSaysTheMark() {
        freePeriod(ups(1), Duration.ofDays(30).minusMinutes(10));
        freePeriod(ups(2), Duration.ofHours(1));
        owned(ups(1));
        owned(ups(2));

        assertThat(job.runDue()).isEqualTo(2);

        assertThat(outbox.all()).extracting(m -> m.values().get("daysLeft")).containsExactlyInAnyOrder("30", "1");
    }

    @Test
    void withoutNoticeDaysThePassOnlyEndsPlans() {
        PlanScheduleJob silent = schedule(new FreePeriodPolicy(Period.ofMonths(12), List.of()));
        freePeriod(ups(1), Duration.ofDays(3));
        freePeriod(ups(2), Duration.ofDays(1));
        owned(ups(1));
        owned(ups(2));
        clock.advance(Duration.ofDays(1));

        assertThat(silent.runDue()).isEqualTo(1);

        assertThat(outbox.all()).isEmpty();
        assertThat(plans.find(ups(2)).orElseThrow().plan()).isEqualTo(Plan.BASIC);
        assertThat(plans.find(ups(1)).orElseThrow().plan()).isEqualTo(Plan.FREE_PERIOD);
    }
}
