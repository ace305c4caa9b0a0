package com.smartconnect.application.account.session.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The answer to a login. */
public sealed interface LogInResult {

    /**
     * The person is in. {@code token} is the session's secret: it is given out once, here, and kept by the server
     * only as a hash. The session ends at {@code expiresAt} at the latest.
     */
    record LoggedIn(String token, AccountId accountId, Instant expiresAt) implements LogInResult {
        @Override
        public String toString() {
            return "LoggedIn[token=****, accountId=" + accountId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * The password is right and the account has two-factor authentication on: the login completes with a code and
     * {@code challengeToken} (see {@link CompleteLogInUseCase}) before {@code expiresAt}. With {@code EMAIL}, the
     * code has been mailed.
     */
    record SecondFactorRequired(String challengeToken, TwoFactorMethod method, Instant expiresAt) implements LogInResult {
        @Override
        public String toString() {
            return "SecondFactorRequired[challengeToken=****, method=" + method + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The e-mail address and password do not match an account; the same answer whichever of them is wrong. */
    record InvalidCredentials() implements LogInResult {
    }

    /**
     * The password is right but the address was never verified: the code of {@code registrationId} can be sent
     * again and entered. Only someone who knows the password gets this answer.
     */
    record NotVerified(RegistrationId registrationId) implements LogInResult {
    }

    /** Too many failed logins for this address or from this client: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LogInResult {
    }

    /** The e-mail address or the password is missing or malformed. */
    record Invalid(List<FieldError> errors) implements LogInResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
