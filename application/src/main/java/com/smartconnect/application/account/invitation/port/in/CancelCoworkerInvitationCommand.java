package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.Objects;
import java.util.UUID;

/** Withdraws one of the company's invitations. */
public record CancelCoworkerInvitationCommand(AuthenticatedUser user, UUID invitationId) {

    public CancelCoworkerInvitationCommand {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(invitationId, "invitationId");
    }
}
