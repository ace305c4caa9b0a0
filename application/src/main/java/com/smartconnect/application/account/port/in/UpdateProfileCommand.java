package com.smartconnect.application.account.port.in;

import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to "My Profile", as typed in. An empty value leaves that part as it is; a blank phone or job role clears
 * it. The company page, if given, is given whole, as at sign-up.
 */
public record UpdateProfileCommand(
        AuthenticatedUser user,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> country,
        Optional<String> language,
        Optional<String> phone,
        Optional<String> jobRole,
        Optional<SignUpCommand.CompanyInput> company) {

    public UpdateProfileCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(jobRole, "jobRole");
        Objects.requireNonNull(company, "company");
    }
}
