package com.smartconnect.domain.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies one company. */
public record CompanyId(UUID value) {

    public CompanyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
