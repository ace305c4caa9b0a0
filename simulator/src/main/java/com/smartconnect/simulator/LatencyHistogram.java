package com.smartconnect.simulator;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publish-to-acknowledgement latencies, thread-safe and of fixed size: buckets of 10 µs up to 100 ms, then of 1 ms up
 * to 60 s (longer ones count as 60 s). Percentiles are therefore exact to 10 µs below 100 ms and to 1 ms above.
 */
public final class LatencyHistogram {

    private static final long FINE_NANOS = 10_000;
    private static final int FINE_BUCKETS = 10_000;
    private static final long COARSE_NANOS = 1_000_000;
    private static final int COARSE_BUCKETS = 60_000;

    private final AtomicLongArray counts = new AtomicLongArray(FINE_BUCKETS + COARSE_BUCKETS);
    private final LongAdder total = new LongAdder();

    public void record(long nanos) {
        long n = Math.max(0, nanos);
        int bucket;
        if (n < FINE_NANOS * FINE_BUCKETS) {
            bucket = (int) (n / FINE_NANOS);
        } else {
            bucket = FINE_BUCKETS + (int) Math.min(COARSE_BUCKETS - 1, n / COARSE_NANOS);
        }
        counts.incrementAndGet(bucket);
        total.increment();
    }

    public long count() {
        return total.sum();
    }

    /** The latency below which {@code percent} of the recorded ones lie, in milliseconds; 0 when none. */
    public double percentileMillis(double percent) {
        long all = 0;
        for (int i = 0; i < counts.length(); i++) {
            all += counts.get(i);
        }
        if (all == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(all * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return upperBoundNanos(i) / 1_000_000.0;
            }
        }
        return upperBoundNanos(counts.length() - 1) / 1_000_000.0;
    }

    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
        total.reset();
    }

    private static long upperBoundNanos(int bucket) {
        return bucket < FINE_BUCKETS ? (bucket + 1) * FINE_NANOS : (bucket - FINE_BUCKETS + 1) * COARSE_NANOS;
    }
}
