package com.smartconnect.domain.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The 6-digit code last mailed to confirm an address (a sign-up's or an e-mail change's), kept only as a hash, with
 * its expiry, its wrong tries, and how many codes have been sent for it in all. It belongs to no one context, so
 * registration and account both use it without depending on each other.
 */
public record CodeChallenge(String codeHash, Instant sentAt, Instant expiresAt, int failedAttempts, int codesSent) {

    /** How long a mailed code stays valid. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    /** Wrong tries allowed on one code; the try after the last one is refused. */
    public static final int MAX_WRONG_ATTEMPTS = 5;
    /** How often a code may be sent again. */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    /**
     * Codes one registration may be sent: the first and two more. With five tries each, a registration allows 15
     * guesses of a million codes; a person who needs more signs up again, which is limited per address.
     */
    public static final int MAX_CODES = 3;

    public CodeChallenge {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (failedAttempts < 0 || failedAttempts > MAX_WRONG_ATTEMPTS) {
            throw new IllegalArgumentException("failedAttempts out of range: " + failedAttempts);
        }
        if (codesSent < 1 || codesSent > MAX_CODES) {
            throw new IllegalArgumentException("codesSent out of range: " + codesSent);
        }
    }

    /** The challenge of the first code of a registration. */
    public static CodeChallenge issued(String codeHash, Instant now) {
        return new CodeChallenge(codeHash, now, now.plus(VALIDITY), 0, 1);
    }

    /** Whether this registration may be sent another code. */
    public boolean mayReissue() {
        return codesSent < MAX_CODES;
    }

    /** The challenge of the next code: a fresh 15 minutes and five tries. */
    public CodeChallenge reissued(String newCodeHash, Instant now) {
        if (!mayReissue()) {
            throw new IllegalStateException("all " + MAX_CODES + " codes of this registration were sent");
        }
        return new CodeChallenge(newCodeHash, now, now.plus(VALIDITY), 0, codesSent + 1);
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

    public CodeChallenge withFailedAttempt() {
        return new CodeChallenge(codeHash, sentAt, expiresAt, failedAttempts + 1, codesSent);
    }
}
