package com.smartconnect.domain.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies one account. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
