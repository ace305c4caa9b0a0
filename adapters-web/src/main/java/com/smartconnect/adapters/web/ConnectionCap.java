package com.smartconnect.adapters.web;

import io.vertx.core.http.HttpConnection;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps at most a number of HTTP connections open: one more is closed as it arrives. Each connection is an open file,
 * and a process that runs out of them accepts nothing, not even the devices' MQTT connections or a health check.
 */
final class ConnectionCap {

    private static final System.Logger LOG = System.getLogger(ConnectionCap.class.getName());

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionCap(int max) {
        this.max = max;
    }

    void opened(HttpConnection connection) {
        int now = open.incrementAndGet();
        connection.closeHandler(closed -> open.decrementAndGet());
        if (now > max) {
            // Logged once per thousand: a flood of connections must not become a flood of log lines.
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.log(Level.WARNING, "HTTP connections at their limit of {0}: new ones are closed "
                        + "(SMARTCONNECT_HTTP_MAX_CONNECTIONS)", max);
            }
            connection.close();
        }
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }
}
