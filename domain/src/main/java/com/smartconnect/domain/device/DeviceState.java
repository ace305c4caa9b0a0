package com.smartconnect.domain.device;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server knows of a UPS from its messages: its last birth, when it was last seen, whether it is connected
 * now, and its latest status.
 */
public record DeviceState(
        ProductId productId,
        Optional<DeviceBirth> lastBirth,
        Optional<Instant> lastSeenAt,
        boolean connected,
        Optional<DeviceStatus> latestStatus) {

    public DeviceState {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(lastBirth, "lastBirth");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(latestStatus, "latestStatus");
    }
}
