package com.smartconnect.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a session lives: it ends after {@code idleTimeout} without a request, and after {@code absoluteTimeout}
 * whatever happens.
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {

    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout, got " + idleTimeout + " and "
                    + absoluteTimeout);
        }
    }
}
