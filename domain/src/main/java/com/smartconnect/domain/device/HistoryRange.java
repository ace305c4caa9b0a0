package com.smartconnect.domain.device;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The spans of the status history charts, each with the buckets that draw it: five-minute buckets for the last 24
 * hours (288 points), hourly ones beyond (up to 2,160 points for 90 days).
 */
public enum HistoryRange {
    LAST_24_HOURS("24h", Duration.ofHours(24), BucketSize.FIVE_MINUTES),
    LAST_7_DAYS("7d", Duration.ofDays(7), BucketSize.ONE_HOUR),
    LAST_30_DAYS("30d", Duration.ofDays(30), BucketSize.ONE_HOUR),
    LAST_90_DAYS("90d", Duration.ofDays(90), BucketSize.ONE_HOUR);

    private final String code;
    private final Duration span;
    private final BucketSize bucketSize;

    HistoryRange(String code, Duration span, BucketSize bucketSize) {
        this.code = code;
        this.span = span;
        this.bucketSize = bucketSize;
    }

    /** As the API spells it: {@code 24h}, {@code 7d}, {@code 30d}, {@code 90d}. */
    public String code() {
        return code;
    }

    public Duration span() {
        return span;
    }

    public BucketSize bucketSize() {
        return bucketSize;
    }

    public static Optional<HistoryRange> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
