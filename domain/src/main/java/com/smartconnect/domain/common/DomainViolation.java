package com.smartconnect.domain.common;

import java.util.Objects;

/**
 * A rule of the domain refused a value or an action. Carries a stable {@code code} that adapters expose
 * to clients and a human message in the words of the portal.
 */
public final class DomainViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public DomainViolation(String code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public String code() {
        return code;
    }
}
