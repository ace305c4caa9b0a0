package com.smartconnect.application.device.port.out;

import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status history of devices: per device and {@link BucketSize}, one row per time bucket. The ingest adds statuses
 * to the five-minute buckets, updated in place; the hourly buckets are rolled up from them once their hour is over,
 * and written once. The buckets of a device outlive its registration: they go when they are old enough.
 */
public interface StatusHistoryRepository {

    /**
     * Adds each part to its bucket (made if absent): counts and sums add up, minimums and maximums widen. The parts are
     * of distinct buckets; an adapter writes them in a few statements, in the caller's transaction.
     */
    void add(Collection<StatusBucket> parts);

    /**
     * Makes the hourly buckets of the hours in {@code [from, to)} (whole hours) from the five-minute buckets, for at
     * most {@code devices} devices that have five-minute buckets, the first by Product ID after {@code after}; an hourly
     * bucket made already is left as it is. Answers how many hourly buckets were made and the last device looked at.
     */
    Step rollUp(Instant from, Instant to, Optional<ProductId> after, int devices);

    /** The device's buckets of {@code size} that start in {@code [from, to)}, oldest first. */
    List<StatusBucket> buckets(ProductId productId, BucketSize size, Instant from, Instant to);

    /**
     * Deletes the buckets of {@code size} that start before {@code before}, of at most {@code devices} devices that
     * have buckets of that size, the first by Product ID after {@code after}; answers how many buckets went and the
     * last device looked at (empty when no device is left after {@code after}). A pass over every device is a series
     * of such short calls, each in its own transaction, so deleting never holds up the ingest for long.
     */
    Step prune(BucketSize size, Instant before, Optional<ProductId> after, int devices);

    /** What one {@link #rollUp} or {@link #prune} call did: how many buckets it made or deleted, and where it ended. */
    record Step(int buckets, Optional<ProductId> lastDevice) {
        public Step {
            Objects.requireNonNull(lastDevice, "lastDevice");
        }
    }
}
