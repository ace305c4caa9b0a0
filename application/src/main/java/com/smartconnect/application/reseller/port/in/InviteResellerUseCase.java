package com.smartconnect.application.reseller.port.in;

/** Invites a reseller to connect: a mail with an accept link, valid for 7 days, and an unsubscribe link. */
public interface InviteResellerUseCase {

    InviteResellerResult invite(InviteResellerCommand command);
}
