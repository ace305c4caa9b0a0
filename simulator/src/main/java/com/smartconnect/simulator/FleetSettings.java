package com.smartconnect.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Where simulated devices connect and how they behave: the broker's host and port, TLS ({@code insecureTls} accepts
 * any server certificate, for self-signed test certificates), which devices (seed, first device number, count), how
 * many events each keeps unacknowledged at most, how often each sends its status, the keep-alive, and how many
 * connects run at once.
 */
public record FleetSettings(String host, int port, boolean tls, boolean insecureTls, long seed, int firstDevice,
        int devices, int eventsInFlightPerDevice, Duration statusInterval, Duration keepAlive, int connectsAtOnce) {

    public FleetSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(statusInterval, "statusInterval");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (devices < 0 || firstDevice < 0 || firstDevice + devices > DeviceIdentity.MAX_DEVICES) {
            throw new IllegalArgumentException("device numbers out of range");
        }
        if (eventsInFlightPerDevice < 1 || eventsInFlightPerDevice > SimulatedDevice.MAX_EVENTS_IN_FLIGHT) {
            throw new IllegalArgumentException("events in flight per device: 1 to " + SimulatedDevice.MAX_EVENTS_IN_FLIGHT);
        }
        if (connectsAtOnce < 1) {
            throw new IllegalArgumentException("connects at once must be positive");
        }
    }

    /** Plain TCP, devices 0 to {@code devices - 1} of seed 1, one event in flight each, status every 60 s. */
    public static FleetSettings of(String host, int port, int devices) {
        return new FleetSettings(host, port, false, false, 1, 0, devices, 1, Duration.ofSeconds(60),
                Duration.ofSeconds(60), 100);
    }

    public FleetSettings withSeed(long newSeed) {
        return new FleetSettings(host, port, tls, insecureTls, newSeed, firstDevice, devices, eventsInFlightPerDevice,
                statusInterval, keepAlive, connectsAtOnce);
    }

    public FleetSettings withEventsInFlightPerDevice(int inFlight) {
        return new FleetSettings(host, port, tls, insecureTls, seed, firstDevice, devices, inFlight, statusInterval,
                keepAlive, connectsAtOnce);
    }

    public FleetSettings withStatusInterval(Duration interval) {
        return new FleetSettings(host, port, tls, insecureTls, seed, firstDevice, devices, eventsInFlightPerDevice,
                interval, keepAlive, connectsAtOnce);
    }

    public FleetSettings withTls(boolean useTls, boolean insecure) {
        return new FleetSettings(host, port, useTls, insecure, seed, firstDevice, devices, eventsInFlightPerDevice,
                statusInterval, keepAlive, connectsAtOnce);
    }

    public FleetSettings withDevices(int first, int count) {
        return new FleetSettings(host, port, tls, insecureTls, seed, first, count, eventsInFlightPerDevice,
                statusInterval, keepAlive, connectsAtOnce);
    }

    public FleetSettings withConnectsAtOnce(int atOnce) {
        return new FleetSettings(host, port, tls, insecureTls, seed, firstDevice, devices, eventsInFlightPerDevice,
                statusInterval, keepAlive, atOnce);
    }

    String serverUri() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
