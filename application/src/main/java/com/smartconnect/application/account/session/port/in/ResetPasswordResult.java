package com.smartconnect.application.account.session.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** The answer to setting a new password through a reset link. */
public sealed interface ResetPasswordResult {

    /** The password is set; every session of the account has ended and a confirmation mail is on its way. */
    record Done() implements ResetPasswordResult {
    }

    /** The link is unknown, older than an hour, or was used already: a new one must be requested. */
    record LinkNotUsable() implements ResetPasswordResult {
    }

    /** The new password breaks the password policy; every broken rule is listed. Nothing changed. */
    record WeakPassword(List<FieldError> errors) implements ResetPasswordResult {
        public WeakPassword {
            errors = List.copyOf(errors);
        }
    }
}
