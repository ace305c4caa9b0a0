package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a UPS sent, as an adapter read it off its topic ({@code ups/{pid}/birth}, {@code status}, {@code events},
 * {@code connection}, {@code acks}): already well-formed JSON with its required fields; the domain values check their
 * ranges when they are made.
 */
public sealed interface DeviceMessage {

    /** {@code ups/{pid}/birth}: what the device says about itself after each connect. */
    record Birth(DeviceBirth birth) implements DeviceMessage {
        public Birth {
            Objects.requireNonNull(birth, "birth");
        }
    }

    /** {@code ups/{pid}/status}: periodic telemetry; only the latest is kept. */
    record Status(DeviceStatus status) implements DeviceMessage {
        public Status {
            Objects.requireNonNull(status, "status");
        }
    }

    /** {@code ups/{pid}/events}: an event, with the details as JSON text; a repeated {@code eventId} is kept once. */
    record Event(String eventId, String type, Instant occurredAt, String detailsJson) implements DeviceMessage {
        public Event {
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** {@code ups/{pid}/connection}: {@code online} on connect, {@code offline} (usually as the last will). */
    record Connection(boolean online) implements DeviceMessage {
    }

    /** {@code ups/{pid}/acks}: the answer to a command. */
    record Ack(CommandAck ack) implements DeviceMessage {
        public Ack {
            Objects.requireNonNull(ack, "ack");
        }
    }
}
