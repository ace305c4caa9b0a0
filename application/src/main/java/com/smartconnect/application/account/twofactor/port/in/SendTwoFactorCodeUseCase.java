package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;

/**
 * Mails a two-factor code to accounts that use codes by e-mail: for the second step of a login (the first code goes
 * out with the password step; this sends another), or to confirm turning two-factor off or deleting the account.
 */
public interface SendTwoFactorCodeUseCase {

    /** Another code for the login waiting behind {@code challengeToken}. */
    SendTwoFactorCodeResult sendForLogIn(String challengeToken);

    /** A code that confirms turning two-factor authentication off, or deleting the account. */
    SendTwoFactorCodeResult sendForConfirmation(AuthenticatedUser user);
}
