package com.smartconnect.application.account.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** The answer to a password change. */
public sealed interface ChangePasswordResult {

    /** Changed; every other session of the account has ended, and a confirmation mail is on its way. */
    record Changed() implements ChangePasswordResult {
    }

    /** The current password is wrong. Nothing changed. */
    record CurrentPasswordIncorrect() implements ChangePasswordResult {
    }

    /** Too many wrong current passwords lately; try again after {@code retryAfter}. Nothing changed. */
    record Throttled(java.time.Duration retryAfter) implements ChangePasswordResult {
    }

    /** The new password breaks the password policy; every broken rule is listed. Nothing changed. */
    record WeakPassword(List<FieldError> errors) implements ChangePasswordResult {
        public WeakPassword {
            errors = List.copyOf(errors);
        }
    }
}
