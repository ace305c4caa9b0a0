package com.smartconnect.adapters.mqtt;

import com.smartconnect.domain.device.ProductId;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The warnings about one connection, kept to a few lines: a device that keeps sending what the endpoint refuses (a
 * thousand filters in one SUBSCRIBE, a stream of malformed messages) would otherwise write a line each. Within a
 * minute the first {@value #LOGGED_PER_MINUTE} are logged; the others are counted, and the count is logged in one
 * line at the next warning after the minute, or when the connection closes. Used on the connection's context only.
 */
final class ConnectionWarnings {

    static final int LOGGED_PER_MINUTE = 5;
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final System.Logger log;
    private final ProductId productId;
    private long windowStart = System.nanoTime();
    private int inWindow;
    private int notLogged;

    ConnectionWarnings(System.Logger log, ProductId productId) {
        this.log = log;
        this.productId = productId;
    }

    /** A warning: {@code pattern} as for {@link System.Logger#log(Level, String, Object...)}, wire values escaped. */
    void warn(String pattern, Object... arguments) {
        long now = System.nanoTime();
        if (now - windowStart > WINDOW_NANOS) {
            summarise();
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow < LOGGED_PER_MINUTE) {
            inWindow++;
            log.log(Level.WARNING, pattern, arguments);
        } else {
            notLogged++;
        }
    }

    /** Logs the count of the warnings not logged, if any. */
    void summarise() {
        if (notLogged > 0) {
            log.log(Level.WARNING, "{0}: {1} more warnings about its connection were not logged", productId,
                    Integer.toString(notLogged));
            notLogged = 0;
        }
    }
}
