package com.smartconnect.domain.twofactor;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A 6-digit code mailed to an account for one purpose, kept only as a hash. A new code of the same purpose replaces
 * the old one; a code is used once.
 */
public record MailedCode(AccountId accountId, CodePurpose purpose, String codeHash, Instant sentAt, Instant expiresAt,
        int failedAttempts) {

    /** How long a mailed code stays valid. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    /** Wrong tries allowed on one code; the try after the last one is refused even with the right code. */
    public static final int MAX_WRONG_ATTEMPTS = 5;
    /** How often a code may be sent again. */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    public static final int LENGTH = 6;

    public MailedCode {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts out of range: " + failedAttempts);
        }
    }

    public static MailedCode sent(AccountId accountId, CodePurpose purpose, String codeHash, Instant now) {
        return new MailedCode(accountId, purpose, codeHash, now, now.plus(VALIDITY), 0);
    }

    /** Whether a try at {@code now} may still be checked against this code. */
    public boolean acceptsTriesAt(Instant now) {
        return now.isBefore(expiresAt) && failedAttempts < MAX_WRONG_ATTEMPTS;
    }

    /** Whether another code may be mailed at {@code now} instead of this one. */
    public boolean mayResendAt(Instant now) {
        return !now.isBefore(sentAt.plus(RESEND_INTERVAL));
    }

    /** How long until another code may be mailed. */
    public Duration resendWait(Instant now) {
        return Duration.between(now, sentAt.plus(RESEND_INTERVAL));
    }
}
