package com.smartconnect.application.port.in;

/** The answer to an account deletion. */
public sealed interface DeleteAccountResult {

    /** Deleted for good; a confirmation mail is on its way. */
    record Deleted() implements DeleteAccountResult {
    }

    /** The password is wrong. Nothing was deleted. */
    record PasswordIncorrect() implements DeleteAccountResult {
    }
}
