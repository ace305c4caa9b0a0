package com.smartconnect.application.account.registration.port.in;

import java.time.Duration;

/** The answer to a request for a new sign-up code. */
public sealed interface ResendResult {

    /** A new code is on its way; the previous one no longer works. */
    record Sent() implements ResendResult {
    }

    /** A code was sent less than a minute ago; try again after {@code retryAfter}. */
    record TooSoon(Duration retryAfter) implements ResendResult {
    }

    /** All codes this sign-up may be sent were sent; the person signs up again. */
    record LimitReached() implements ResendResult {
    }

    /** This sign-up is verified already; there is nothing to resend. */
    record AlreadyVerified() implements ResendResult {
    }

    /** No sign-up has this id. */
    record NotFound() implements ResendResult {
    }
}
