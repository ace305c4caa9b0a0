package com.smartconnect.application.account.registration.port.in;

import com.smartconnect.domain.registration.RegistrationId;
import java.util.Objects;

/** A request to mail a new sign-up code. */
public record ResendCodeCommand(RegistrationId registrationId) {

    public ResendCodeCommand {
        Objects.requireNonNull(registrationId, "registrationId");
    }
}
