package com.smartconnect.adapters.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the device endpoint listens and how much it holds: address and port (0 picks a free one), TLS from PEM files
 * (optional), how long the group commit waits for more messages, how many transactions it commits at a time
 * (committers), and the bounds on messages received but not yet
 * acknowledged, per connection and in total (past them the endpoint stops reading from the connection), and how
 * often it marks its connected devices seen (so a device of an instance that died is reported lost in time), and how
 * many devices may be connected at once (one more is refused with CONNACK "server unavailable", so the endpoint's
 * open files stay within the share the process gives it).
 */
public record DeviceEndpointSettings(
        String host,
        int port,
        Optional<Tls> tls,
        Duration groupCommitWindow,
        int maxBatch,
        int committers,
        int maxUnacknowledgedPerConnection,
        int maxUnacknowledgedTotal,
        Duration stillConnectedInterval,
        int maxConnections) {

    /** Transactions the group commit runs at a time unless told otherwise. */
    public static final int DEFAULT_COMMITTERS = 4;

    /** Devices connected at once unless told otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 100_000;

    /** The largest payload the protocol allows; larger ones are acknowledged and rejected. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    /** TLS with a certificate chain and its private key, both PEM files. */
    public record Tls(Path certificateChain, Path privateKey) {
        public Tls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    public DeviceEndpointSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(groupCommitWindow, "groupCommitWindow");
        Objects.requireNonNull(stillConnectedInterval, "stillConnectedInterval");
        if (maxBatch < 1 || committers < 1 || maxUnacknowledgedPerConnection < 1 || maxUnacknowledgedTotal < 1
                || maxConnections < 1) {
            throw new IllegalArgumentException("the bounds must be positive");
        }
    }

    /**
     * The defaults: no group commit window (a committer that becomes free takes whatever arrived while it committed,
     * without waiting for more), batches of up to 500, {@value #DEFAULT_COMMITTERS} committers, 64 per connection,
     * 10,000 in total, connected devices marked seen every minute. (The bootstrap's server and builder set one
     * committer on H2: {@link #withCommitters}.)
     */
    public static DeviceEndpointSettings of(String host, int port) {
        return new DeviceEndpointSettings(host, port, Optional.empty(), Duration.ZERO, 500, DEFAULT_COMMITTERS, 64,
                10_000, Duration.ofMinutes(1), DEFAULT_MAX_CONNECTIONS);
    }

    public DeviceEndpointSettings withTls(Tls tls) {
        return new DeviceEndpointSettings(host, port, Optional.of(tls), groupCommitWindow, maxBatch, committers,
                maxUnacknowledgedPerConnection, maxUnacknowledgedTotal, stillConnectedInterval, maxConnections);
    }

    public DeviceEndpointSettings withBounds(int perConnection, int total) {
        return new DeviceEndpointSettings(host, port, tls, groupCommitWindow, maxBatch, committers, perConnection, total,
                stillConnectedInterval, maxConnections);
    }

    public DeviceEndpointSettings withStillConnectedInterval(Duration interval) {
        return new DeviceEndpointSettings(host, port, tls, groupCommitWindow, maxBatch, committers,
                maxUnacknowledgedPerConnection, maxUnacknowledgedTotal, interval, maxConnections);
    }

    /**
     * How many transactions the group commit runs at a time, each on a database connection of its own: one device's
     * messages always go through the same one. One suits a database that writes out one commit at a time (H2).
     */
    public DeviceEndpointSettings withCommitters(int count) {
        return new DeviceEndpointSettings(host, port, tls, groupCommitWindow, maxBatch, count,
                maxUnacknowledgedPerConnection, maxUnacknowledgedTotal, stillConnectedInterval, maxConnections);
    }

    public DeviceEndpointSettings withMaxConnections(int count) {
        return new DeviceEndpointSettings(host, port, tls, groupCommitWindow, maxBatch, committers,
                maxUnacknowledgedPerConnection, maxUnacknowledgedTotal, stillConnectedInterval, count);
    }
}
