package com.smartconnect.application.account.registration.port.in;

import com.smartconnect.domain.registration.RegistrationId;
import java.util.Objects;

/** The 6-digit code a person entered on the "Verify your account" page. */
public record VerifyRegistrationCommand(RegistrationId registrationId, String code) {

    public VerifyRegistrationCommand {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(code, "code");
    }
}
