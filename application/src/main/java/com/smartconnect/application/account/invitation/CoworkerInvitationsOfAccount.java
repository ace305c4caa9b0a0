package com.smartconnect.application.account.invitation;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.invitation.port.out.CoworkerInvitationRepository;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/**
 * The co-worker invitations to a deleted account's address go with it: they are kept under the address, not the
 * account, and would otherwise outlive it.
 */
public final class CoworkerInvitationsOfAccount implements AccountDependents {

    private final CoworkerInvitationRepository invitations;

    @Inject
    public CoworkerInvitationsOfAccount(CoworkerInvitationRepository invitations) {
        this.invitations = invitations;
    }

    @Override
    public void erase(Account account) {
        invitations.deleteAllTo(account.email());
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.INVITATIONS;
    }
}
