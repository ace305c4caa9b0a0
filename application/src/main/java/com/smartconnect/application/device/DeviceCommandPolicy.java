package com.smartconnect.application.device;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a command waits for an offline device before it expires ({@code SMARTCONNECT_COMMAND_TTL_HOURS}), and how
 * long a dispatcher's claim on a command lasts before another may publish it again.
 */
public record DeviceCommandPolicy(Duration timeToLive, Duration claimLease) {

    /** 24 hours to live, as the device protocol says; a 30-second lease. */
    public static final DeviceCommandPolicy DEFAULT = new DeviceCommandPolicy(Duration.ofHours(24), Duration.ofSeconds(30));

    public DeviceCommandPolicy {
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(claimLease, "claimLease");
        if (timeToLive.isNegative() || timeToLive.isZero() || claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("the time to live and the lease must be positive");
        }
    }
}
