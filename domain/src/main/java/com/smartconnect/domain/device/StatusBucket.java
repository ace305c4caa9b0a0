package com.smartconnect.domain.device;

import java.time.Instant;
import java.util.Objects;

/**
 * What a device's statuses reported within one time bucket: for battery charge, battery runtime, load and input
 * voltage, each a {@link MetricSummary} (min, mean, max). A bucket is folded from statuses as they arrive; two parts of
 * the same bucket {@link #plus add up} in any order.
 */
public record StatusBucket(ProductId productId, BucketSize size, Instant start, MetricSummary batteryChargePercent,
        MetricSummary batteryRuntimeSeconds, MetricSummary loadPercent, MetricSummary inputVoltage) {

    public StatusBucket {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(batteryChargePercent, "batteryChargePercent");
        Objects.requireNonNull(batteryRuntimeSeconds, "batteryRuntimeSeconds");
        Objects.requireNonNull(loadPercent, "loadPercent");
        Objects.requireNonNull(inputVoltage, "inputVoltage");
        if (!size.startOf(start).equals(start)) {
            throw new IllegalArgumentException(start + " does not start a bucket of " + size);
        }
    }

    /** The bucket of {@code size} that holds {@code at}, with one status in it. */
    public static StatusBucket of(ProductId productId, BucketSize size, Instant at, DeviceStatus status) {
        return new StatusBucket(productId, size, size.startOf(at), MetricSummary.of(status.batteryChargePercent()),
                MetricSummary.of(status.batteryRuntimeSeconds()), MetricSummary.of(status.loadPercent()),
                MetricSummary.of(status.inputVoltage()));
    }

    /** Whether this bucket holds no value at all (a status without any of the four measurements). */
    public boolean isEmpty() {
        return batteryChargePercent.isEmpty() && batteryRuntimeSeconds.isEmpty() && loadPercent.isEmpty()
                && inputVoltage.isEmpty();
    }

    /** This bucket with {@code other}, a part of the same bucket, added. */
    public StatusBucket plus(StatusBucket other) {
        if (!other.productId.equals(productId) || other.size != size || !other.start.equals(start)) {
            throw new IllegalArgumentException("not the same bucket: " + this + ", " + other);
        }
        return new StatusBucket(productId, size, start, batteryChargePercent.plus(other.batteryChargePercent),
                batteryRuntimeSeconds.plus(other.batteryRuntimeSeconds), loadPercent.plus(other.loadPercent),
                inputVoltage.plus(other.inputVoltage));
    }
}
