package com.smartconnect.application.plan;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.plan.port.in.RunPlanScheduleUseCase;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled work of plans, in batches: each ended plan falls back to Basic (claimed, so once), and the owner of
 * a device whose free period ends soon gets the notice of the stage reached (recorded, so once).
 */
public final class PlanScheduleJob implements RunPlanScheduleUseCase, Job {

    /** Free-period notices and plan ends are due per day; a minute is soon enough. */
    public static final Duration CADENCE = Duration.ofMinutes(1);

    private static final int BATCH = 100;

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final PlanRepository plans;
    private final DeviceOwners owners;
    private final MailOutbox outbox;
    private final FreePeriodPolicy freePeriod;

    @Inject
    public PlanScheduleJob(Clock clock, RandomSource random, Transactions transactions, PlanRepository plans,
            DeviceOwners owners, MailOutbox outbox, FreePeriodPolicy freePeriod) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.plans = plans;
        this.owners = owners;
        this.outbox = outbox;
        this.freePeriod = freePeriod;
    }

    @Override
    public int runDue() {
        return sendNotices() + endPlans();
    }

    private int endPlans() {
        int total = 0;
        int batch;
        do {
            Instant now = clock.instant();
            batch = transactions.inTransaction(() -> {
                List<DevicePlan> ended = plans.claimEnded(now, BATCH);
                for (DevicePlan plan : ended) {
                    Instant at = plan.endsAt().orElseThrow();
                    plans.save(new DevicePlan(plan.productId(), Plan.BASIC, at, Optional.empty()),
                            new PlanChange(plan.productId(), Plan.BASIC, at, Optional.empty(), PlanChange.Reason.ENDED,
                                    PlanChange.PORTAL));
                }
                return ended.size();
            });
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int sendNotices() {
        if (freePeriod.noticeDays().isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(Duration.ofDays(freePeriod.noticeDays().get(0)));
        int sent = 0;
        Optional<ProductId> after = Optional.empty();
        List<DevicePlan> page;
        do {
            page = plans.freePeriodsEndingBetween(now, horizon, BATCH, after);
            for (DevicePlan plan : page) {
                sent += notice(plan, now) ? 1 : 0;
            }
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).productId());
        } while (page.size() == BATCH);
        return sent;
    }

    private boolean notice(DevicePlan plan, Instant now) {
        Instant end = plan.endsAt().orElseThrow();
        Optional<Integer> due = freePeriod.dueNotice(end, now);
        Optional<DeviceOwners.DeviceOwner> owner = owners.ownerOf(plan.productId());
        if (due.isEmpty() || owner.isEmpty()) {
            return false;
        }
        return transactions.inTransaction(() -> {
            // Still the same free period? A plan bought a moment ago makes the notice moot.
            if (plans.lock(plan.productId()).filter(plan::equals).isEmpty()) {
                return false;
            }
            // The earlier stages count as done: a server that was off over them sends only the current notice.
            freePeriod.noticeDays().stream().filter(days -> days > due.get())
                    .forEach(days -> plans.markNoticeSent(plan.productId(), end, days));
            if (!plans.markNoticeSent(plan.productId(), end, due.get())) {
                return false;
            }
            // Counted up: a job that runs minutes after the 30-day mark still says 30 days, never 29.
            long secondsLeft = Duration.between(now, end).toSeconds();
            long daysLeft = Math.max(1, (secondsLeft + 86_399) / 86_400);
            outbox.enqueue(new OutgoingMail(new MailId(random.uuid()), owner.get().email(), MailTemplate.FREE_PERIOD_ENDING,
                    Map.of("firstName", owner.get().firstName(),
                            "deviceName", owner.get().deviceName(),
                            "productId", plan.productId().value(),
                            "endsOn", end.minusSeconds(1).atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                            "daysLeft", Long.toString(daysLeft))));
            return true;
        });
    }

    @Override
    public String name() {
        return "plan-schedule";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public String counts() {
        return "free-period notices sent and plans ended";
    }
}
