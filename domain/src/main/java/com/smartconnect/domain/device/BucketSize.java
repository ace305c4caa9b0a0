package com.smartconnect.domain.device;

import java.time.Duration;
import java.time.Instant;

/** The time buckets of a device's status history: five minutes (the last day's charts) and one hour (up to 90 days). */
public enum BucketSize {
    FIVE_MINUTES(Duration.ofMinutes(5)),
    ONE_HOUR(Duration.ofHours(1));

    private final Duration length;

    BucketSize(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start of the bucket that holds {@code at}: buckets are aligned on the epoch, so in UTC. */
    public Instant startOf(Instant at) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
