package com.smartconnect.domain.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The 6-digit code last mailed for a registration, kept only as a hash, with its expiry and wrong tries. */
public record CodeChallenge(String codeHash, Instant sentAt, Instant expiresAt, int failedAttempts) {

    /** How long a mailed code stays valid. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Wrong tries allowed on one code; the try after the last one is refused. */
    public static final int MAX_WRONG_ATTEMPTS = 5;
    /** How often a code may be sent again. */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    public CodeChallenge {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (failedAttempts < 0 || failedAttempts > MAX_WRONG_ATTEMPTS) {
            throw new IllegalArgumentException("failedAttempts out of range: " + failedAttempts);
        }
    }

    /** A fresh challenge for a code just sent. */
    public static CodeChallenge issued(String codeHash, Instant now) {
        return new CodeChallenge(codeHash, now, now.plus(VALIDITY), 0);
    }

    public boolean isExhausted() {
        return failedAttempts >= MAX_WRONG_ATTEMPTS;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public int attemptsLeft() {
        return MAX_WRONG_ATTEMPTS - failedAttempts;
    }

    CodeChallenge withFailedAttempt() {
        return new CodeChallenge(codeHash, sentAt, expiresAt, failedAttempts + 1);
    }
}
