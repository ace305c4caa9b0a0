package com.smartconnect.domain.twofactor;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

/**
 * The rules of authenticator-app codes (RFC 6238 with the defaults every app uses: HMAC-SHA1, 6 digits, 30 s
 * steps). A code of the step before or after the current one is accepted too, for clocks that drift and people who
 * type slowly, but only a step after the last one used: a code seen over someone's shoulder does not work twice.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted on either side of the current one. */
    public static final int DRIFT_STEPS = 1;
    /** Bytes of a new secret: 160 bits, the HMAC-SHA1 key length RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private Totp() {
    }

    /** The time step that {@code instant} falls in. */
    public static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The steps whose codes are accepted at {@code now}, earliest first, given the last one used. */
    public static LongStream acceptableSteps(Instant now, long lastUsedStep) {
        long current = stepAt(now);
        return LongStream.rangeClosed(current - DRIFT_STEPS, current + DRIFT_STEPS).filter(step -> step > lastUsedStep);
    }
}
