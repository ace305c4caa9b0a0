package com.smartconnect.application.account.session.port.in;

/** Mails a single-use link that sets a new password, valid for one hour, to the owner of an address. */
public interface RequestPasswordResetUseCase {

    PasswordResetRequestResult request(RequestPasswordResetCommand command);
}
