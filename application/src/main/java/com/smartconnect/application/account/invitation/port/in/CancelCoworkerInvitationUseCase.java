package com.smartconnect.application.account.invitation.port.in;

/** Withdraws a pending co-worker invitation of the user's company. */
public interface CancelCoworkerInvitationUseCase {

    CancelCoworkerInvitationResult cancel(CancelCoworkerInvitationCommand command);
}
