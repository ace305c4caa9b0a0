package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import java.util.List;

/** Lists the invitations of the user's company, newest first, with their status now. */
public interface CoworkerInvitationsQuery {

    List<InvitationView> invitationsOf(AuthenticatedUser user);
}
