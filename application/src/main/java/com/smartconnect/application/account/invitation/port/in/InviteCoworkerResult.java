package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.Objects;

/** The answer to inviting a co-worker. */
public sealed interface InviteCoworkerResult {

    /** "Invitation Sent / Your invitation was sent." */
    record Invited(InvitationView invitation) implements InviteCoworkerResult {
        public Invited {
            Objects.requireNonNull(invitation, "invitation");
        }
    }

    /** No address ({@code EMAIL_REQUIRED}) or an invalid one ({@code INVALID_EMAIL}), with the portal's message. */
    record Invalid(FieldError error) implements InviteCoworkerResult {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The address has a pending invitation from this company, or is already a member of it. */
    record AlreadyInvited() implements InviteCoworkerResult {
    }
}
