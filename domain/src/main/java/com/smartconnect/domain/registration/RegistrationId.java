package com.smartconnect.domain.registration;

import java.util.Objects;
import java.util.UUID;

/** Identifies one registration. */
public record RegistrationId(UUID value) {

    public RegistrationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
