package com.smartconnect.application.device;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps the status history: writes the five-minute buckets of this instance's {@link StatusHistoryRecorder} that are
 * over, rolls the five-minute buckets of the hours that are over up into hourly buckets, then
 * deletes the buckets older than the {@link StatusHistoryPolicy} keeps. It goes through the devices a few hundred at a
 * time, each step a short transaction of its own, over old buckets that no status writes any more: the ingest never
 * waits for it for long. Another instance doing the same at the same time makes nothing twice (a made hourly bucket
 * is left as it is).
 */
public final class StatusHistoryJob implements Job {

    /** Hourly buckets appear within this long after their hour; the charts draw the last hours from five-minute ones. */
    public static final Duration CADENCE = Duration.ofMinutes(10);
    /** How long after its end an hour is rolled up: statuses that arrive late still count. */
    static final Duration LATE_STATUSES = Duration.ofMinutes(5);
    /** The hours each pass rolls up: passes missed for a few hours (a restart) still leave no hole. */
    static final Duration ROLL_UP_WINDOW = Duration.ofHours(12);
    /** The devices of one step (one transaction). */
    static final int DEVICES_PER_STEP = 200;

    private final Clock clock;
    private final Transactions transactions;
    private final StatusHistoryRepository history;
    private final StatusHistoryPolicy policy;
    private final StatusHistoryRecorder recorder;

    @Inject
    public StatusHistoryJob(Clock clock, Transactions transactions, StatusHistoryRepository history,
            StatusHistoryPolicy policy, StatusHistoryRecorder recorder) {
        this.clock = clock;
        this.transactions = transactions;
        this.history = history;
        this.policy = policy;
        this.recorder = recorder;
    }

    @Override
    public String name() {
        return "status-history";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public int runDue() {
        Instant now = clock.instant();
        int done = 0;
        if (policy.enabled()) {
            // The five minutes this instance's ingest holds in memory and are over, first: the hours are made of them.
            recorder.flushClosed();
            Instant to = BucketSize.ONE_HOUR.startOf(now.minus(LATE_STATUSES));
            Instant from = to.minus(ROLL_UP_WINDOW);
            done += stepByStep(after -> history.rollUp(from, to, after, DEVICES_PER_STEP));
        }
        for (BucketSize size : BucketSize.values()) {
            // With the history off, everything kept from before goes (no bucket is later than the current one).
            Instant before = policy.enabled() ? policy.keptFrom(size, now) : size.startOf(now).plus(size.length());
            done += stepByStep(after -> history.prune(size, before, after, DEVICES_PER_STEP));
        }
        return done;
    }

    private int stepByStep(Function<Optional<ProductId>, StatusHistoryRepository.Step> step) {
        int done = 0;
        Optional<ProductId> after = Optional.empty();
        do {
            Optional<ProductId> from = after;
            StatusHistoryRepository.Step result = transactions.inTransaction(() -> step.apply(from));
            done += result.buckets();
            after = result.lastDevice();
        } while (after.isPresent());
        return done;
    }

    @Override
    public String counts() {
        return "status history buckets rolled up or deleted";
    }
}
