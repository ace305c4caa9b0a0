package com.smartconnect.domain.session;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login session of an account, known by the hash of its token. It lives until it is idle for too long, until its
 * absolute end, or until it is ended (logout, password change).
 *
 * @param twoFactorPassed whether the person passed two-factor authentication in this session
 */
public record Session(
        SessionId id,
        String tokenHash,
        AccountId accountId,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        boolean twoFactorPassed) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A session that starts now. */
    public static Session start(SessionId id, String tokenHash, AccountId accountId, Instant now, SessionPolicy policy) {
        return new Session(id, tokenHash, accountId, now, now, now.plus(policy.absoluteTimeout()), false);
    }

    /** Whether the session still lets its holder in at {@code now}. */
    public boolean isActiveAt(Instant now, SessionPolicy policy) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(policy.idleTimeout()));
    }

    /** Whether a request at {@code now} should be written down, to keep the idle time-out sliding. */
    public boolean needsTouch(Instant now, SessionPolicy policy) {
        return !now.isBefore(lastSeenAt.plus(policy.touchGranularity()));
    }

    /** This session, having passed two-factor authentication. */
    public Session withTwoFactorPassed() {
        return new Session(id, tokenHash, accountId, createdAt, lastSeenAt, expiresAt, true);
    }

    public Session touchedAt(Instant now) {
        return new Session(id, tokenHash, accountId, createdAt, now, expiresAt, twoFactorPassed);
    }
}
