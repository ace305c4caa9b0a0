package com.smartconnect.application.account.port.in;

import com.smartconnect.domain.account.EmailAddress;

/** The answer to entering the code of an e-mail address change. */
public sealed interface ConfirmEmailChangeResult {

    /** The account now has the new address. */
    record Changed(EmailAddress email) implements ConfirmEmailChangeResult {
    }

    /** The code is not six digits; the try does not count. */
    record MalformedCode() implements ConfirmEmailChangeResult {
    }

    /** The code is wrong; {@code attemptsLeft} tries remain. */
    record WrongCode(int attemptsLeft) implements ConfirmEmailChangeResult {
    }

    /** The code is older than 15 minutes: ask for the change again. */
    record CodeExpired() implements ConfirmEmailChangeResult {
    }

    /** Five wrong codes were entered: ask for the change again. */
    record TooManyAttempts() implements ConfirmEmailChangeResult {
    }

    /** No change of address was asked for. */
    record NoChangeRequested() implements ConfirmEmailChangeResult {
    }
}
