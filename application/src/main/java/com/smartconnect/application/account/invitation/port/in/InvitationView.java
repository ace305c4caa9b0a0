package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.invitation.InvitationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A co-worker invitation as the company's members see it. */
public record InvitationView(UUID id, EmailAddress email, InvitationStatus status, Instant createdAt, Instant expiresAt) {

    public InvitationView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
