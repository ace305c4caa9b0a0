package com.smartconnect.application.account.session.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** The answer to a password reset request. */
public sealed interface PasswordResetRequestResult {

    /**
     * Taken: if the address has an account, a link is on its way. The answer is the same when it has none, so it tells
     * nobody which addresses have accounts.
     */
    record Accepted() implements PasswordResetRequestResult {
    }

    /** The address is missing or malformed. */
    record Invalid(List<FieldError> errors) implements PasswordResetRequestResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** The captcha token was refused. */
    record CaptchaFailed() implements PasswordResetRequestResult {
    }
}
