package com.smartconnect.domain.device;

import com.smartconnect.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to a UPS in the command outbox: its id (the {@code commandId} of the protocol), the device, what to do
 * ({@code argument} is the sensitivity or the outlet group), who issued it and when, until when it may wait for an
 * offline device, and its state with the device's answer.
 */
public record DeviceCommand(
        String commandId,
        ProductId productId,
        DeviceCommandType type,
        String argument,
        AccountId issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        DeviceCommandState state,
        Optional<Instant> deliveredAt,
        Optional<Instant> settledAt,
        Optional<String> message) {

    public DeviceCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(settledAt, "settledAt");
        Objects.requireNonNull(message, "message");
    }

    /** A new command, pending until it is delivered or {@code ttl} has passed. */
    public static DeviceCommand issue(String commandId, ProductId productId, DeviceCommandType type, String argument,
            AccountId issuedBy, Instant at, Duration ttl) {
        return new DeviceCommand(commandId, productId, type, argument, issuedBy, at, at.plus(ttl),
                DeviceCommandState.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
