package com.smartconnect.domain.session;

import java.util.Objects;
import java.util.UUID;

/** Identifies one login session (not its secret token, which is never stored). */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
