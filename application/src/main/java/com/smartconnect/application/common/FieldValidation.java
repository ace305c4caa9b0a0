package com.smartconnect.application.common;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.common.DomainViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Collects the refusals of the domain's value objects field by field, so every invalid field is reported. */
public final class FieldValidation {

    private final List<FieldError> errors = new ArrayList<>();

    /** The parsed value, or empty after recording why {@code field} is invalid. */
    public <T> Optional<T> check(String field, Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (DomainViolation violation) {
            reject(field, violation.code(), violation.getMessage());
            return Optional.empty();
        }
    }

    public void reject(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
