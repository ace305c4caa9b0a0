package com.smartconnect.bootstrap;

import com.smartconnect.bootstrap.Configuration.InvalidConfiguration;
import com.smartconnect.bootstrap.Configuration.Key;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The raw values of the settings by name, read as the types the configuration needs; a value that does not read
 * stops the start with {@link InvalidConfiguration} naming the setting.
 */
record ConfigurationValues(Map<String, String> values) {

    String text(Key key) {
        return values.get(key.name()).strip();
    }

    Optional<String> optional(Key key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    int number(Key key, int min, int max) {
        try {
            int value = Integer.parseInt(text(key));
            if (value < min || value > max) {
                throw new InvalidConfiguration(key + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidConfiguration(key + " must be a number, not '" + text(key) + "'");
        }
    }

    /** Empty when the setting is empty, else {@link #number}. */
    OptionalInt optionalNumber(Key key, int min, int max) {
        return text(key).isEmpty() ? OptionalInt.empty() : OptionalInt.of(number(key, min, max));
    }

    int port(Key key, boolean mayBeOff) {
        return number(key, mayBeOff ? -1 : 0, 65535);
    }

    String mailbox(Key key) {
        String value = text(key);
        try {
            new jakarta.mail.internet.InternetAddress(value, true);
            return value;
        } catch (jakarta.mail.internet.AddressException e) {
            throw new InvalidConfiguration(key + " must be a mail address such as \"SmartConnect <no-reply@example.com>\", not '"
                    + value + "'");
        }
    }

    Optional<URI> uri(Key key) {
        return optional(key).map(value -> {
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("not absolute");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration(key + " must be an absolute URL such as https://portal.example.com, not '" + value + "'");
            }
        });
    }
}
