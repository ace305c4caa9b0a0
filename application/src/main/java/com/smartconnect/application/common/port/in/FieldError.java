package com.smartconnect.application.common.port.in;

import java.util.Objects;

/**
 * One invalid field of a command: its path in the request (such as {@code company.city}), a stable code and
 * the message to show next to it.
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
