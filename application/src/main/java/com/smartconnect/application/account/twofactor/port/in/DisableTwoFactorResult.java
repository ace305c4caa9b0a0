package com.smartconnect.application.account.twofactor.port.in;

import java.time.Duration;

/** The answer to turning two-factor authentication off. */
public sealed interface DisableTwoFactorResult {

    /** It is off; the recovery codes are void and a notice is mailed. */
    record Disabled() implements DisableTwoFactorResult {
    }

    /** It was not on. */
    record NotOn() implements DisableTwoFactorResult {
    }

    record PasswordIncorrect() implements DisableTwoFactorResult {
    }

    /** The code is wrong, expired or was used already. */
    record CodeIncorrect() implements DisableTwoFactorResult {
    }

    /** Too many wrong passwords or codes lately; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements DisableTwoFactorResult {
    }
}
