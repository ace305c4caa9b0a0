package com.smartconnect.application.device;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Folds the statuses the ingest stored into the five-minute buckets of the status history, in memory, and writes each
 * bucket once its five minutes are over: the statuses of a device within five minutes, however many batches they came
 * in, make one row written once (one multi-row upsert for all the buckets that closed), instead of an update of the row
 * with every batch (BENCHMARKS.md, "Status history: the status rate on and off").
 * <p>The closed buckets are written by the first batch after their end, by {@link #flushClosed()} (every minute, by the
 * server), by {@link StatusHistoryJob} before it rolls the hours up, and all of them, the open ones too, by
 * {@link #flushAll()} at shutdown. So a crash of the process (not a shutdown) loses what the statuses of the five
 * minutes in progress added to the history, and at most a minute of those of the five minutes before; the statuses
 * themselves are stored by the ingest as before. The charts of this instance read the open buckets with those written
 * ({@link #open(ProductId)}); another instance behind the same load balancer sees a device's current five minutes once
 * they are written.
 * <p>A status the device sends again under QoS 1 (the same {@code seq} and {@code sentAt} as one of its last statuses,
 * because the acknowledgement was lost) counts once. A status older than what the history keeps is left out of it. The
 * hourly buckets are not written here: {@link StatusHistoryJob} rolls them up once their hour is over.
 */
public final class StatusHistoryRecorder {

    private static final System.Logger LOG = System.getLogger(StatusHistoryRecorder.class.getName());
    /** How many of a device's last statuses a repeat is looked for among. */
    static final int REMEMBERED_STATUSES = 16;
    /** A device that sent nothing for this long and has no open bucket is forgotten (its last statuses with it). */
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    private final Clock clock;
    private final StatusHistoryPolicy policy;
    private final StatusHistoryRepository history;
    private final Transactions transactions;
    /** Per device, its buckets not written yet and its last statuses; a device's entry is changed atomically. */
    private final Map<ProductId, Device> devices = new ConcurrentHashMap<>();
    /** The end of the last five minutes whose closed buckets a batch wrote (epoch milliseconds). */
    private final AtomicLong writtenUpTo = new AtomicLong(Long.MIN_VALUE);
    /** Set by {@link #flushAll} at shutdown: a batch that a slow committer stores after it is written at once. */
    private volatile boolean flushedAll;

    @Inject
    public StatusHistoryRecorder(Clock clock, StatusHistoryPolicy policy, StatusHistoryRepository history,
            Transactions transactions) {
        this.clock = clock;
        this.policy = policy;
        this.history = history;
        this.transactions = transactions;
    }

    /** A recorder that keeps nothing: the history is off. */
    public static StatusHistoryRecorder off() {
        // Never read: with the history off, nothing is recorded or written.
        return new StatusHistoryRecorder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), StatusHistoryPolicy.OFF, null,
                null);
    }

    /** A status of a device, as the batch stored it. */
    public record Reported(ProductId productId, DeviceStatus status) {
    }

    /**
     * Adds the statuses stored (committed) at {@code now} to their open buckets, then, if five minutes ended since the
     * last batch did so, writes the buckets that are over, in a transaction of their own.
     */
    public void record(List<Reported> statuses, Instant now) {
        if (!policy.enabled() || statuses.isEmpty()) {
            return;
        }
        Instant keptFrom = policy.keptFrom(BucketSize.FIVE_MINUTES, now);
        for (Reported reported : statuses) {
            DeviceStatus status = reported.status();
            // Where policy.placed puts it: at the device's time, never in the future.
            Instant start = BucketSize.FIVE_MINUTES.startOf(status.sentAt().isAfter(now) ? now : status.sentAt());
            if (!Open.measures(status) || start.isBefore(keptFrom)) {
                continue;
            }
            devices.compute(reported.productId(), (id, device) -> {
                Device kept = device == null ? new Device() : device;
                kept.add(start, status, now);
                return kept;
            });
        }
        if (flushedAll) {
            write(start -> true, now);
            return;
        }
        long fiveMinutesEnded = BucketSize.FIVE_MINUTES.startOf(now).toEpochMilli();
        long written = writtenUpTo.get();
        if (fiveMinutesEnded > written && writtenUpTo.compareAndSet(written, fiveMinutesEnded)) {
            write(start -> !end(start).isAfter(now), now);
        }
    }

    /** Writes the buckets whose five minutes are over now; answers how many. */
    public int flushClosed() {
        Instant now = clock.instant();
        return write(start -> !end(start).isAfter(now), now);
    }

    /** Writes every bucket not written yet, the open ones too (at shutdown); answers how many. */
    public int flushAll() {
        flushedAll = true;
        return write(start -> true, clock.instant());
    }

    /** The device's buckets not written yet, oldest first; their statuses add to what the repository holds. */
    public List<StatusBucket> open(ProductId productId) {
        List<StatusBucket> open = new ArrayList<>();
        devices.computeIfPresent(productId, (id, device) -> {
            device.buckets.forEach((start, bucket) -> open.add(bucket.bucket(id, start)));
            return device;
        });
        return open;
    }

    private static Instant end(Instant start) {
        return start.plus(BucketSize.FIVE_MINUTES.length());
    }

    private int write(Predicate<Instant> due, Instant now) {
        if (!policy.enabled()) {
            return 0;
        }
        List<StatusBucket> closed = new ArrayList<>();
        Instant forgetBefore = now.minus(FORGOTTEN_AFTER);
        for (ProductId id : devices.keySet()) {
            devices.computeIfPresent(id, (key, device) -> {
                device.take(key, due, closed);
                return device.buckets.isEmpty() && device.lastStatusAt.isBefore(forgetBefore) ? null : device;
            });
        }
        if (closed.isEmpty()) {
            return 0;
        }
        // In key order, so that two transactions writing the same buckets never wait for each other crosswise.
        closed.sort(Comparator.comparing((StatusBucket b) -> b.productId().value()).thenComparing(StatusBucket::start));
        try {
            transactions.inTransaction(() -> {
                history.add(closed);
                return null;
            });
        } catch (RuntimeException e) {
            // Kept in memory and written with the next buckets that close.
            for (StatusBucket bucket : closed) {
                devices.compute(bucket.productId(), (id, device) -> {
                    Device kept = device == null ? new Device() : device;
                    kept.buckets.computeIfAbsent(bucket.start(), start -> new Open()).add(bucket);
                    return kept;
                });
            }
            LOG.log(Level.WARNING, "Could not write " + closed.size() + " buckets of the status history; they are "
                    + "kept in memory and written with the next ones", e);
            return 0;
        }
        return closed.size();
    }

    /** What the recorder holds of one device; only changed inside the map's atomic operations. */
    private static final class Device {

        /** The buckets not written yet, by start. */
        final TreeMap<Instant, Open> buckets = new TreeMap<>();
        /** The seq and sentAt (epoch milliseconds) of its last statuses with a seq, a ring. */
        final long[] seqs = new long[REMEMBERED_STATUSES];
        final long[] sentAts = new long[REMEMBERED_STATUSES];
        int next;
        int filled;
        Instant lastStatusAt = Instant.MIN;

        void add(Instant start, DeviceStatus status, Instant now) {
            lastStatusAt = now;
            if (status.seq().isPresent()) {
                long seq = status.seq().get();
                long sentAt = status.sentAt().toEpochMilli();
                for (int i = 0; i < filled; i++) {
                    if (seqs[i] == seq && sentAts[i] == sentAt) {
                        return;
                    }
                }
                seqs[next] = seq;
                sentAts[next] = sentAt;
                next = (next + 1) % REMEMBERED_STATUSES;
                filled = Math.min(filled + 1, REMEMBERED_STATUSES);
            }
            Open open = buckets.get(start);
            if (open == null) {
                open = new Open();
                buckets.put(start, open);
            }
            open.add(status);
        }

        void take(ProductId id, Predicate<Instant> due, List<StatusBucket> into) {
            var iterator = buckets.entrySet().iterator();
            while (iterator.hasNext()) {
                Map.Entry<Instant, Open> bucket = iterator.next();
                if (due.test(bucket.getKey())) {
                    into.add(bucket.getValue().bucket(id, bucket.getKey()));
                    iterator.remove();
                }
            }
        }
    }

    /**
     * A five-minute bucket still filling: for battery charge, battery runtime, load and input voltage (in that order)
     * the count, minimum, sum and maximum, added to in place (no objects made per status).
     */
    private static final class Open {

        private static final int METRICS = 4;
        private final int[] counts = new int[METRICS];
        private final double[] mins = new double[METRICS];
        private final double[] sums = new double[METRICS];
        private final double[] maxs = new double[METRICS];

        /** Whether the status reports any of the four measurements the history keeps. */
        static boolean measures(DeviceStatus status) {
            return status.batteryChargePercent().isPresent() || status.batteryRuntimeSeconds().isPresent()
                    || status.loadPercent().isPresent() || status.inputVoltage().isPresent();
        }

        void add(DeviceStatus status) {
            add(0, status.batteryChargePercent());
            add(1, status.batteryRuntimeSeconds());
            add(2, status.loadPercent());
            add(3, status.inputVoltage());
        }

        private void add(int metric, java.util.Optional<? extends Number> value) {
            if (value.isPresent()) {
                double v = value.get().doubleValue();
                add(metric, 1, v, v, v);
            }
        }

        void add(StatusBucket bucket) {
            List<MetricSummary> metrics = List.of(bucket.batteryChargePercent(), bucket.batteryRuntimeSeconds(),
                    bucket.loadPercent(), bucket.inputVoltage());
            for (int m = 0; m < METRICS; m++) {
                MetricSummary metric = metrics.get(m);
                if (!metric.isEmpty()) {
                    add(m, metric.count(), metric.min(), metric.sum(), metric.max());
                }
            }
        }

        private void add(int metric, int count, double min, double sum, double max) {
            if (counts[metric] == 0) {
                mins[metric] = min;
                maxs[metric] = max;
            } else {
                mins[metric] = Math.min(mins[metric], min);
                maxs[metric] = Math.max(maxs[metric], max);
            }
            counts[metric] = (int) Math.min(Integer.MAX_VALUE, (long) counts[metric] + count);
            sums[metric] += sum;
        }

        StatusBucket bucket(ProductId id, Instant start) {
            return new StatusBucket(id, BucketSize.FIVE_MINUTES, start, summary(0), summary(1), summary(2), summary(3));
        }

        private MetricSummary summary(int metric) {
            return counts[metric] == 0 ? MetricSummary.NONE
                    : new MetricSummary(counts[metric], mins[metric], sums[metric], maxs[metric]);
        }
    }
}
