package com.smartconnect.domain.account;

import java.time.Instant;
import java.util.Objects;

/** A verified portal account: a person who belongs to one company. */
public record Account(
        AccountId id,
        EmailAddress email,
        PersonName name,
        Country country,
        String passwordHash,
        CompanyId companyId,
        boolean marketingOptIn,
        Instant privacyAcceptedAt,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(privacyAcceptedAt, "privacyAcceptedAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
