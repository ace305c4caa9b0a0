package com.smartconnect.domain.account;

import java.time.Instant;
import java.util.Objects;

/** A company of the portal: the people of one company see its devices. */
public record Company(CompanyId id, CompanyDetails details, Instant createdAt) {

    public Company {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
