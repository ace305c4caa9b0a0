package com.smartconnect.application.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.DeviceCommandExpiryJob;
import com.smartconnect.application.device.OfflineGraceJob;
import com.smartconnect.application.device.port.in.ClaimDeviceCommandsCommand;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryDeviceOwners;
import com.smartconnect.application.fake.InMemoryLifecycleReminders;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainLinkSigner;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.lifecycle.LifecycleMails;
import com.smartconnect.application.lifecycle.ResellerReminderJob;
import com.smartconnect.application.notification.NotificationReenablingJob;
import com.smartconnect.application.plan.PlanScheduleJob;
import com.smartconnect.application.reseller.ResellerInvitationExpiryJob;
import com.smartconnect.application.reseller.ResellerMails;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.reseller.ResellerConnection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scheduled work of every context, as docs/architecture.md ("Scheduled work") lists it: a stable name by which a
 * host chooses the jobs of an instance, the cadence beside the work, what a pass counts, and a pass that does the due
 * work of its use case and answers its count.
 */
class ScheduledJobsTest {

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final ScriptedRandomSource random = new ScriptedRandomSource();
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryResellerConnections connections = new InMemoryResellerConnections();

    /** Counts the passes of the delegating jobs' use cases; each pass answers its number. */
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger expired = new AtomicInteger();
    private final AtomicInteger reenabled = new AtomicInteger();

    private final DeliverDeviceCommandsUseCase commands = new DeliverDeviceCommandsUseCase() {
        @Override
        public List<DeviceCommand> claim(ClaimDeviceCommandsCommand claim) {
            throw new AssertionError("the expiry job claims nothing");
        }

        @Override
        public void delivered(String commandId) {
            throw new AssertionError("the expiry job delivers nothing");
        }

        @Override
        public int expireOverdue() {
            return expired.incrementAndGet() * 10;
        }
    };

    private final List<Job> jobs = List.of(
            new OfflineGraceJob(() -> lost.incrementAndGet() * 3),
            new PlanScheduleJob(clock, random, transactions, new InMemoryPlans(), new InMemoryDeviceOwners(), outbox,
                    FreePeriodPolicy.DEFAULT),
            new ResellerInvitationExpiryJob(clock, transactions, connections, outbox, new ResellerMails(random, accounts)),
            new NotificationReenablingJob(() -> reenabled.incrementAndGet() * 7),
            new DeviceCommandExpiryJob(commands),
            new ResellerReminderJob(clock, transactions, new InMemoryLifecycleReminders(), connections, outbox,
                    new LifecycleMails(random, accounts, new InMemoryCompanies(), new PlainLinkSigner())));

    private Map<String, Job> byName() {
        return jobs.stream().collect(Collectors.toMap(Job::name, Function.identity()));
    }

    @Test
    void eachJobHasTheNameAndCadenceTheArchitectureTableGives() {
        assertThat(jobs).extracting(Job::name, Job::cadence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("offline-grace", Duration.ofSeconds(30)),
                org.assertj.core.groups.Tuple.tuple("plan-schedule", Duration.ofMinutes(1)),
                org.assertj.core.groups.Tuple.tuple("reseller-invitation-expiry", Duration.ofMinutes(1)),
                org.assertj.core.groups.Tuple.tuple("event-notification-reenabling", Duration.ofMinutes(1)),
                org.assertj.core.groups.Tuple.tuple("device-command-expiry", Duration.ofMinutes(1)),
                org.assertj.core.groups.Tuple.tuple("reseller-reminders", Duration.ofMinutes(15)));
        assertThat(OfflineGraceJob.CADENCE).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResellerReminderJob.CADENCE).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theNamesAreDistinctSoAHostCanChooseAmongThem() {
        Set<String> names = new HashSet<>();
        jobs.forEach(job -> assertThat(names.add(job.name())).as(job.name()).isTrue());
        assertThat(names).allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void eachJobSaysWhatItsPassCountsForTheLog() {
        Map<String, Job> jobs = byName();
        assertThat(jobs.get("offline-grace").counts()).isEqualTo("devices whose communication was lost");
        assertThat(jobs.get("plan-schedule").counts()).isEqualTo("free-period notices sent and plans ended");
        assertThat(jobs.get("reseller-invitation-expiry").counts()).isEqualTo("reseller invitations expired");
        assertThat(jobs.get("event-notification-reenabling").counts())
                .isEqualTo("devices whose event notifications were enabled again");
        assertThat(jobs.get("device-command-expiry").counts()).isEqualTo("device commands expired");
        assertThat(jobs.get("reseller-reminders").counts()).isEqualTo("lifecycle reminders queued to resellers");
    }

    @Test
    void theDelegatingJobsRunTheirUseCaseOncePerPassAndAnswerItsCount() {
        Map<String, Job> jobs = byName();

        assertThat(jobs.get("offline-grace").runDue()).isEqualTo(3);
        assertThat(jobs.get("offline-grace").runDue()).isEqualTo(6);
        assertThat(lost).hasValue(2);

        assertThat(jobs.get("device-command-expiry").runDue()).isEqualTo(10);
        assertThat(expired).hasValue(1);

        assertThat(jobs.get("event-notification-reenabling").runDue()).isEqualTo(7);
        assertThat(reenabled).hasValue(1);
    }

    @Test
    void aPassThatFindsNothingDueDoesNothing() {
        Map<String, Job> jobs = byName();

        assertThat(jobs.get("plan-schedule").runDue()).isZero();
        assertThat(jobs.get("reseller-invitation-expiry").runDue()).isZero();
        assertThat(jobs.get("reseller-reminders").runDue()).isZero();
        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void theInvitationExpiryPassExpiresTheInvitationsPastTheirSevenDaysAndCountsThem() {
        Job job = byName().get("reseller-invitation-expiry");
        for (int i = 0; i < 3; i++) {
            connections.addIfNoneOpen(ResellerConnection.invite(UUID.randomUUID(), new AccountId(UUID.randomUUID()),
                    new EmailAddress("sales@reseller.example"), "accept-" + i, "unsubscribe-" + i, clock.instant()));
        }
        clock.advance(ResellerConnection.INVITATION_VALIDITY.minusSeconds(1));
        assertThat(job.runDue()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(job.runDue()).isEqualTo(3);
        assertThat(job.runDue()).as("once").isZero();
    }
}
