package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A UPS's answer to a command the server sent it: OK or FAILED, with an optional message. */
public record CommandAck(String commandId, boolean ok, Optional<String> message, Optional<Instant> sentAt) {

    public static final String INVALID = "INVALID_ACK";

    public CommandAck {
        if (commandId == null || commandId.isBlank() || commandId.length() > 64) {
            throw new DomainViolation(INVALID, "commandId must be 1 to 64 characters");
        }
        Objects.requireNonNull(message, "message");
        message = message.map(m -> m.length() > 1024 ? m.substring(0, 1024) : m);
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
