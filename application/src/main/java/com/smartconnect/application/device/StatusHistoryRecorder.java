package com.smartconnect.application.device;

import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the statuses of an ingest batch into the five-minute buckets of the status history, in the batch's
 * transaction: first in memory, so that each bucket the batch touches is written once (one row per device and bucket,
 * updated in place), then in one {@link StatusHistoryRepository#add} call. The hourly buckets are not written here:
 * {@link StatusHistoryJob} rolls them up once their hour is over, so that a long-kept row is written once rather than
 * updated with every status. A status older than what the history keeps is left out of it.
 */
public final class StatusHistoryRecorder {

    private final StatusHistoryPolicy policy;
    private final StatusHistoryRepository history;

    @Inject
    public StatusHistoryRecorder(StatusHistoryPolicy policy, StatusHistoryRepository history) {
        this.policy = policy;
        this.history = history;
    }

    /** A recorder that keeps nothing: the history is off. */
    public static StatusHistoryRecorder off() {
        return new StatusHistoryRecorder(StatusHistoryPolicy.OFF, null);
    }

    /** A status of a device, as the batch stored it. */
    public record Reported(ProductId productId, DeviceStatus status) {
    }

    /** Adds the statuses received at {@code now} to their buckets. */
    public void record(List<Reported> statuses, Instant now) {
        if (!policy.enabled() || statuses.isEmpty()) {
            return;
        }
        Map<Key, StatusBucket> buckets = new LinkedHashMap<>();
        for (Reported reported : statuses) {
            Instant at = policy.placed(reported.status().sentAt(), now).orElseThrow();
            StatusBucket part = StatusBucket.of(reported.productId(), BucketSize.FIVE_MINUTES, at, reported.status());
            if (part.isEmpty() || part.start().isBefore(policy.keptFrom(BucketSize.FIVE_MINUTES, now))) {
                continue;
            }
            buckets.merge(new Key(part.productId(), part.start()), part, StatusBucket::plus);
        }
        if (buckets.isEmpty()) {
            return;
        }
        // In key order, so that two transactions writing the same buckets never wait for each other crosswise.
        history.add(buckets.values().stream()
                .sorted(Comparator.comparing((StatusBucket b) -> b.productId().value()).thenComparing(StatusBucket::start))
                .toList());
    }

    private record Key(ProductId productId, Instant start) {
    }
}
