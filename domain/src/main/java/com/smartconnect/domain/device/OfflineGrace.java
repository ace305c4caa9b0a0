package com.smartconnect.domain.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a device may stay disconnected before the server reports its communication lost (default 10 minutes):
 * long enough for a router reboot or a firmware update, short enough that an owner hears of a real outage.
 */
public record OfflineGrace(Duration period) {

    public static final OfflineGrace DEFAULT = new OfflineGrace(Duration.ofMinutes(10));

    /**
     * How much longer than the grace period a device still marked connected may go unseen before it counts as lost:
     * the instance it was connected to stopped without recording the disconnect (killed, crashed). Connected devices
     * are marked seen every minute by their endpoint, well within this.
     */
    public static final Duration STALE_MARGIN = Duration.ofMinutes(2);

    public OfflineGrace {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the offline grace period must be positive");
        }
    }

    /** Devices disconnected at or before this instant are past their grace period at {@code now}. */
    public Instant disconnectedBefore(Instant now) {
        return now.minus(period);
    }

    /** Devices marked connected but not seen since this instant are past their grace period at {@code now}. */
    public Instant unseenBefore(Instant now) {
        return now.minus(period).minus(STALE_MARGIN);
    }
}
