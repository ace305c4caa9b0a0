package com.smartconnect.application.account.invitation.port.in;

/** Tells the registration page what an invitation link offers. */
public interface InvitationLookupQuery {

    InvitationLookup lookup(String invitationToken);
}
