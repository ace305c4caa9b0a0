package com.smartconnect.application.account.registration;

import com.smartconnect.application.account.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.account.registration.port.out.RegistrationRepository;
import com.smartconnect.domain.registration.Registration;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.RegistrationStatus;
import jakarta.inject.Inject;
import java.util.Optional;

/** Answers where a sign-up stands. */
public final class RegistrationStatusService implements RegistrationStatusQuery {

    private final RegistrationRepository registrations;

    @Inject
    public RegistrationStatusService(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public Optional<RegistrationStatus> statusOf(RegistrationId registrationId) {
        return registrations.findById(registrationId).map(Registration::status);
    }
}
