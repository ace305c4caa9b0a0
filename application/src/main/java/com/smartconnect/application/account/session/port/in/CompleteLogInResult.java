package com.smartconnect.application.account.session.port.in;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;

/** The answer to the second step of a login. */
public sealed interface CompleteLogInResult {

    /** The person is in, and the session has passed two-factor authentication; as {@link LogInResult.LoggedIn}. */
    record LoggedIn(String token, AccountId accountId, Instant expiresAt) implements CompleteLogInResult {
        @Override
        public String toString() {
            return "LoggedIn[token=****, accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The code is wrong; {@code attemptsLeft} more may be tried before the login must start again. */
    record CodeIncorrect(int attemptsLeft) implements CompleteLogInResult {
    }

    /** The first step is unknown, expired, passed already, or out of tries: log in again with the password. */
    record LoginExpired() implements CompleteLogInResult {
    }

    /** Too many failed logins for this address or from this client: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements CompleteLogInResult {
    }
}
