package com.smartconnect.domain.account;

import com.smartconnect.domain.common.CodeChallenge;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A requested change of an account's e-mail address: it takes effect only when the 6-digit code mailed to the new
 * address is entered, under the same rules as the sign-up code (15 minutes, 5 wrong tries). A change to an address
 * that has an account is recorded too, but its code is never mailed, so it can never succeed and the answer tells
 * nothing about that address.
 */
public record EmailChange(UUID id, AccountId accountId, EmailAddress newEmail, boolean addressTaken,
        CodeChallenge challenge, Instant createdAt) {

    public EmailChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static EmailChange request(UUID id, AccountId accountId, EmailAddress newEmail, boolean addressTaken,
            String codeHash, Instant now) {
        return new EmailChange(id, accountId, newEmail, addressTaken, CodeChallenge.issued(codeHash, now), now);
    }

    /** What entering a code did. */
    public enum Outcome { CONFIRMED, WRONG_CODE, EXPIRED, TOO_MANY_ATTEMPTS }

    /** Applies one try of a code, given whether it matches; returns the outcome and the change to save. */
    public Tried attempt(boolean codeMatches, Instant now) {
        if (challenge.isExhausted()) {
            return new Tried(Outcome.TOO_MANY_ATTEMPTS, this);
        }
        if (challenge.isExpiredAt(now)) {
            return new Tried(Outcome.EXPIRED, this);
        }
        if (!codeMatches || addressTaken) {
            CodeChallenge failed = new CodeChallenge(challenge.codeHash(), challenge.sentAt(), challenge.expiresAt(),
                    challenge.failedAttempts() + 1, challenge.codesSent());
            return new Tried(Outcome.WRONG_CODE, new EmailChange(id, accountId, newEmail, addressTaken, failed, createdAt));
        }
        return new Tried(Outcome.CONFIRMED, this);
    }

    /** An outcome with the state of the change after it. */
    public record Tried(Outcome outcome, EmailChange change) {
    }
}
