package com.smartconnect.domain.registration;

import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.PersonName;
import java.time.Instant;
import java.util.Objects;

/** What a person entered on the two sign-up pages, kept until the e-mail address is verified. */
public record SignUpDetails(
        PersonName name,
        Country country,
        String passwordHash,
        CompanyDetails company,
        boolean marketingOptIn,
        Instant privacyAcceptedAt) {

    public SignUpDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(privacyAcceptedAt, "privacyAcceptedAt");
    }
}
