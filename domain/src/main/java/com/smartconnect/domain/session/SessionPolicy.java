package com.smartconnect.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a session lives: it ends after {@code idleTimeout} without a request, and after {@code absoluteTimeout}
 * whatever happens. A request need not be written down when the last one written is more recent than the
 * {@link #touchGranularity() touch granularity}.
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteTimeout) {

    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));
    /** The touch granularity of long idle time-outs: a busy client writes at most once a minute. */
    public static final Duration LONGEST_TOUCH_GRANULARITY = Duration.ofMinutes(1);

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteTimeout, "absoluteTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("need 0 < idle timeout <= absolute timeout, got " + idleTimeout + " and "
                    + absoluteTimeout);
        }
    }

    /**
     * How long after the last written request a request need not be written again: a tenth of the idle time-out,
     * at most {@link #LONGEST_TOUCH_GRANULARITY}. A session in use then loses at most a tenth of its idle time to the
     * requests left unwritten, so requests closer together than nine tenths of the idle time-out keep it alive.
     */
    public Duration touchGranularity() {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(LONGEST_TOUCH_GRANULARITY) < 0 ? tenth : LONGEST_TOUCH_GRANULARITY;
    }
}
