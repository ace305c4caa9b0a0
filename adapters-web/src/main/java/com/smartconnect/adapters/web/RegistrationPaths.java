package com.smartconnect.adapters.web;

import com.smartconnect.domain.registration.RegistrationId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads registration ids (and other UUIDs, such as invitation ids) from paths. {@link UUID#fromString} alone is too
 * lenient ("1-1-1-1-1" parses).
 */
final class RegistrationPaths {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RegistrationPaths() {
    }

    static Optional<RegistrationId> parse(String value) {
        return uuid(value).map(RegistrationId::new);
    }

    /** A UUID in its canonical form, 8-4-4-4-12 hexadecimal digits; anything else is empty. */
    static Optional<UUID> uuid(String value) {
        if (value == null || !CANONICAL_UUID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(value));
    }
}
