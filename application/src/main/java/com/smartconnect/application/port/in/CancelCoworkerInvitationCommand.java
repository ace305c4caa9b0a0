package com.smartconnect.application.port.in;

import java.util.Objects;
import java.util.UUID;

/** Withdraws one of the company's invitations. */
public record CancelCoworkerInvitationCommand(AuthenticatedUser user, UUID invitationId) {

    public CancelCoworkerInvitationCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(invitationId, "invitationId");
    }
}
