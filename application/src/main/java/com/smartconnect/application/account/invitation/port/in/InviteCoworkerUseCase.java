package com.smartconnect.application.account.invitation.port.in;

/**
 * Invites a co-worker into the user's company: a mail with a link to register, valid for 7 days. After joining, the
 * co-worker belongs to the same company.
 */
public interface InviteCoworkerUseCase {

    InviteCoworkerResult invite(InviteCoworkerCommand command);
}
