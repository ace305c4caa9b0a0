package com.smartconnect.bootstrap;

import java.lang.management.ManagementFactory;

/**
 * How many connections the HTTP API and the MQTT endpoint may each hold, within the process's open-file limit
 * ({@code RLIMIT_NOFILE}): every connection is an open file, and a process out of them accepts nothing at all, so
 * each listener has a share of its own that the other cannot use up. Part of the limit is kept for everything else
 * (jars, logs, the database's connections, Vert.x's own descriptors). A share that is not configured is sized from
 * the limit: a quarter of the rest for HTTP, what remains for the devices.
 *
 * @param openFileLimit the limit the shares come from
 * @param reserved the files kept out of both shares
 * @param http the most HTTP connections at once
 * @param mqtt the most MQTT connections at once
 */
record ConnectionBudget(long openFileLimit, long reserved, int http, int mqtt) {

    /** Files kept for what is not a connection, besides the database's pool. */
    static final int RESERVED_FILES = 256;
    /** The limit assumed where the platform does not tell it. */
    private static final long UNKNOWN_LIMIT = 16_384;

    static ConnectionBudget of(ServerLimits limits, int dbPoolSize, long openFileLimit) {
        long reserved = RESERVED_FILES + dbPoolSize;
        long usable = Math.min(Integer.MAX_VALUE, openFileLimit - reserved);
        int http = limits.httpMaxConnections().orElse((int) Math.max(1, usable / 4));
        int mqtt = limits.mqttMaxConnections().orElse((int) Math.max(1, usable - http));
        if ((long) http + mqtt > usable) {
            throw new Configuration.InvalidConfiguration("SMARTCONNECT_HTTP_MAX_CONNECTIONS (" + http
                    + ") and SMARTCONNECT_MQTT_MAX_CONNECTIONS (" + mqtt + ") exceed the open-file limit of this process ("
                    + openFileLimit + ") less " + reserved + " kept for files and database connections: lower them, "
                    + "or raise the limit (ulimit -n)");
        }
        return new ConnectionBudget(openFileLimit, reserved, http, mqtt);
    }

    /** The budget within this process's open-file limit. */
    static ConnectionBudget ofThisProcess(Configuration configuration) {
        return of(configuration.limits(), configuration.dbPoolSize(), processOpenFileLimit());
    }

    static long processOpenFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : UNKNOWN_LIMIT;
    }

    @Override
    public String toString() {
        return "open-file limit " + openFileLimit + " (" + reserved + " kept for files and the database): at most "
                + http + " HTTP and " + mqtt + " MQTT connections";
    }
}
