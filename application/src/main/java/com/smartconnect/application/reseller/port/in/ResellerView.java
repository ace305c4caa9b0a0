package com.smartconnect.application.reseller.port.in;

import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the customer's Reseller page shows.
 *
 * @param state the state of the latest connection; empty when no reseller was ever invited ("none")
 * @param resellerEmail the address of the latest invitation
 * @param notInterested the "Not interested?" setting
 * @param offerOnDeviceRegistration whether adding a device should offer the Reseller step: not when the customer is
 *     not interested, nor when a reseller is invited or connected already
 */
public record ResellerView(
        Optional<ResellerConnectionState> state,
        Optional<String> resellerEmail,
        Optional<Instant> invitedAt,
        Optional<Instant> expiresAt,
        Optional<Instant> connectedAt,
        Optional<Instant> endedAt,
        boolean notInterested,
        boolean offerOnDeviceRegistration) {

    public ResellerView {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(resellerEmail, "resellerEmail");
        Objects.requireNonNull(invitedAt, "invitedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
