package com.smartconnect.application.account.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.time.Duration;
import java.util.Objects;

/** The answer to asking for an e-mail address change. */
public sealed interface RequestEmailChangeResult {

    /**
     * A code is on its way to the new address and the current one is told. The answer is the same when the new address
     * already has an account (it gets a note instead, and the change can never be confirmed).
     */
    record CodeSent() implements RequestEmailChangeResult {
    }

    /** The password is wrong. Nothing happened. */
    record PasswordIncorrect() implements RequestEmailChangeResult {
    }

    /** Too many wrong passwords lately; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements RequestEmailChangeResult {
    }

    /** The new address is missing, malformed, or the current one. */
    record Invalid(FieldError error) implements RequestEmailChangeResult {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
