package com.smartconnect.domain.registration;

import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.PersonName;
import java.time.Instant;
import java.util.Objects;

/**
 * What a person entered on the sign-up pages, kept until the e-mail address is verified: with the company page, or,
 * for an invited co-worker, without it.
 */
public record SignUpDetails(
        PersonName name,
        Country country,
        String passwordHash,
        Membership membership,
        boolean marketingOptIn,
        Instant privacyAcceptedAt) {

    public SignUpDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(privacyAcceptedAt, "privacyAcceptedAt");
    }
}
