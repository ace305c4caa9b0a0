package com.smartconnect.domain.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the status history keeps its buckets: the hourly ones for {@code days} (90 by default), the five-minute ones
 * for two days at most, enough for the 24-hour chart whenever the pruning runs. Zero days keeps no history at all.
 */
public record StatusHistoryPolicy(int days) {

    public static final int MAX_DAYS = 3_660;
    public static final StatusHistoryPolicy DEFAULT = new StatusHistoryPolicy(90);
    public static final StatusHistoryPolicy OFF = new StatusHistoryPolicy(0);
    /** The five-minute buckets serve the 24-hour chart only; a second day covers any delay of the pruning. */
    public static final Duration FIVE_MINUTE_BUCKETS_KEPT = Duration.ofDays(2);

    public StatusHistoryPolicy {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("status history days must be 0 to " + MAX_DAYS + ", not " + days);
        }
    }

    public boolean enabled() {
        return days > 0;
    }

    /** How long buckets of {@code size} are kept. */
    public Duration kept(BucketSize size) {
        Duration days = Duration.ofDays(this.days);
        return size == BucketSize.FIVE_MINUTES && days.compareTo(FIVE_MINUTE_BUCKETS_KEPT) > 0
                ? FIVE_MINUTE_BUCKETS_KEPT : days;
    }

    /** Buckets of {@code size} that start before this are due for deletion at {@code now}. */
    public Instant keptFrom(BucketSize size, Instant now) {
        return size.startOf(now.minus(kept(size)));
    }

    /**
     * Where a status sent at {@code sentAt} and received at {@code now} goes in the history: at the device's time, but
     * never in the future (a device clock ahead of the server's would fill buckets the charts do not show yet); empty
     * when the history is off.
     */
    public Optional<Instant> placed(Instant sentAt, Instant now) {
        return enabled() ? Optional.of(sentAt.isAfter(now) ? now : sentAt) : Optional.empty();
    }
}
