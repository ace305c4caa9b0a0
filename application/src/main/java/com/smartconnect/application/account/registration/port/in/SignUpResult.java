package com.smartconnect.application.account.registration.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.registration.RegistrationId;
import java.util.List;

/** The answer to a sign-up. */
public sealed interface SignUpResult {

    /**
     * The sign-up was taken and a mail is on its way. The answer is the same whether or not the address already
     * had an account, so it tells nobody which addresses do.
     */
    record Accepted(RegistrationId registrationId) implements SignUpResult {
    }

    /** Some fields are invalid; every one of them is listed. Nothing was stored. */
    record Invalid(List<FieldError> errors) implements SignUpResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /**
     * This address was used for too many sign-ups within the hour, whether or not it has an account (so the answer
     * tells nothing about that): it protects the mailbox from floods and the codes from guessing. Nothing was stored.
     */
    record TooManySignUps() implements SignUpResult {
    }

    /** The captcha token was refused: the person must solve the captcha again. Nothing was stored. */
    record CaptchaFailed() implements SignUpResult {
    }
}
