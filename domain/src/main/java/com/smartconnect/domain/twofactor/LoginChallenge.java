package com.smartconnect.domain.twofactor;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The first step of a login, passed with the password, waiting for the second: known by the hash of a token the
 * client holds. It lives {@link #VALIDITY} and allows {@link #MAX_WRONG_ATTEMPTS} wrong codes; after that the
 * person starts again with the password, whose tries are throttled.
 */
public record LoginChallenge(UUID id, String tokenHash, AccountId accountId, TwoFactorMethod method,
        Instant expiresAt, int failedAttempts) {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    public static final int MAX_WRONG_ATTEMPTS = 5;

    public LoginChallenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static LoginChallenge start(UUID id, String tokenHash, AccountId accountId, TwoFactorMethod method,
            Instant now) {
        return new LoginChallenge(id, tokenHash, accountId, method, now.plus(VALIDITY), 0);
    }

    /** Whether a code may still be tried against this challenge at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(expiresAt) && failedAttempts < MAX_WRONG_ATTEMPTS;
    }

    public int attemptsLeftAfterFailure() {
        return Math.max(0, MAX_WRONG_ATTEMPTS - failedAttempts - 1);
    }
}
