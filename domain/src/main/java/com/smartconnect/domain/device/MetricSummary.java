package com.smartconnect.domain.device;

import java.util.Optional;

/**
 * The values of one measurement that fell into a time bucket: how many, the smallest, their sum (for the mean) and the
 * largest. {@link #NONE} is a bucket without that measurement (a status may leave any measurement out).
 */
public record MetricSummary(int count, double min, double sum, double max) {

    public static final MetricSummary NONE = new MetricSummary(0, 0, 0, 0);

    public MetricSummary {
        if (count < 0 || (count > 0 && min > max)) {
            throw new IllegalArgumentException("not a summary: count " + count + ", min " + min + ", max " + max);
        }
    }

    public static MetricSummary of(Optional<? extends Number> value) {
        return value.map(v -> new MetricSummary(1, v.doubleValue(), v.doubleValue(), v.doubleValue())).orElse(NONE);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    /** Both summaries as one; counts saturate rather than wrap. */
    public MetricSummary plus(MetricSummary other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        long count = (long) this.count + other.count;
        return new MetricSummary((int) Math.min(Integer.MAX_VALUE, count), Math.min(min, other.min), sum + other.sum,
                Math.max(max, other.max));
    }
}
