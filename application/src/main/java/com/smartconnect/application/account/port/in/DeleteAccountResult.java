package com.smartconnect.application.account.port.in;

/** The answer to an account deletion. */
public sealed interface DeleteAccountResult {

    /** Deleted for good; a confirmation mail is on its way. */
    record Deleted() implements DeleteAccountResult {
    }

    /** Too many wrong passwords lately; try again after {@code retryAfter}. Nothing was deleted. */
    record Throttled(java.time.Duration retryAfter) implements DeleteAccountResult {
    }

    /** The password is wrong. Nothing was deleted. */
    record PasswordIncorrect() implements DeleteAccountResult {
    }

    /** Two-factor authentication is on and no code was given. Nothing was deleted. */
    record SecondFactorRequired() implements DeleteAccountResult {
    }

    /** The two-factor code is wrong, expired or was used already. Nothing was deleted. */
    record CodeIncorrect() implements DeleteAccountResult {
    }
}
