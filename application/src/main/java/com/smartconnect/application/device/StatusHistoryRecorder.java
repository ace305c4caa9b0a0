package com.smartconnect.application.device;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceStatus;
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
            Instant at = policy.placed(status.sentAt(), now).orElseThrow();
            StatusBucket part = StatusBucket.of(reported.productId(), BucketSize.FIVE_MINUTES, at, status);
            if (part.isEmpty() || part.start().isBefore(keptFrom)) {
                continue;
            }
            devices.compute(reported.productId(), (id, device) -> {
                Device kept = device == null ? new Device() : device;
                kept.add(part, status, now);
                return kept;
            });
        }
        long fiveMinutesEnded = BucketSize.FIVE_MINUTES.startOf(now).toEpochMilli();
        long written = writtenUpTo.get();
        if (fiveMinutesEnded > written && writtenUpTo.compareAndSet(written, fiveMinutesEnded)) {
            write(bucket -> !end(bucket).isAfter(now), now);
        }
    }

    /** Writes the buckets whose five minutes are over now; answers how many. */
    public int flushClosed() {
        Instant now = clock.instant();
        return write(bucket -> !end(bucket).isAfter(now), now);
    }

    /** Writes every bucket not written yet, the open ones too (at shutdown); answers how many. */
    public int flushAll() {
        return write(bucket -> true, clock.instant());
    }

    /** The device's buckets not written yet, oldest first; their statuses add to what the repository holds. */
    public List<StatusBucket> open(ProductId productId) {
        List<StatusBucket> open = new ArrayList<>();
        devices.computeIfPresent(productId, (id, device) -> {
            open.addAll(device.buckets.values());
            return device;
        });
        return open;
    }

    private static Instant end(StatusBucket bucket) {
        return bucket.start().plus(bucket.size().length());
    }

    private int write(Predicate<StatusBucket> due, Instant now) {
        if (!policy.enabled()) {
            return 0;
        }
        List<StatusBucket> closed = new ArrayList<>();
        Instant forgetBefore = now.minus(FORGOTTEN_AFTER);
        for (ProductId id : devices.keySet()) {
            devices.computeIfPresent(id, (key, device) -> {
                device.take(due, closed);
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
                    kept.buckets.merge(bucket.start(), bucket, StatusBucket::plus);
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
        final TreeMap<Instant, StatusBucket> buckets = new TreeMap<>();
        /** The seq and sentAt (epoch milliseconds) of its last statuses with a seq, a ring. */
        final long[] seqs = new long[REMEMBERED_STATUSES];
        final long[] sentAts = new long[REMEMBERED_STATUSES];
        int next;
        int filled;
        Instant lastStatusAt = Instant.MIN;

        void add(StatusBucket part, DeviceStatus status, Instant now) {
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
            buckets.merge(part.start(), part, StatusBucket::plus);
        }

        void take(Predicate<StatusBucket> due, List<StatusBucket> into) {
            var iterator = buckets.values().iterator();
            while (iterator.hasNext()) {
                StatusBucket bucket = iterator.next();
                if (due.test(bucket)) {
                    into.add(bucket);
                    iterator.remove();
                }
            }
        }
    }
}
