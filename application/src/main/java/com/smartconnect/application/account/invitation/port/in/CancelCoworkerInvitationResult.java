package com.smartconnect.application.account.invitation.port.in;

/** The answer to withdrawing an invitation. */
public sealed interface CancelCoworkerInvitationResult {

    /** Withdrawn: its link no longer lets anyone sign up. */
    record Cancelled() implements CancelCoworkerInvitationResult {
    }

    /** The company has no invitation with this id (another company's is not found either). */
    record NotFound() implements CancelCoworkerInvitationResult {
    }

    /** It was used, cancelled or expired already. */
    record NotPending() implements CancelCoworkerInvitationResult {
    }
}
