package com.smartconnect.application.account.registration.port.in;

import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.RegistrationStatus;
import java.util.Optional;

/** Tells where a sign-up stands, for the page that waits for its code. */
public interface RegistrationStatusQuery {

    /** The status of the sign-up, or empty if no sign-up has this id. */
    Optional<RegistrationStatus> statusOf(RegistrationId registrationId);
}
