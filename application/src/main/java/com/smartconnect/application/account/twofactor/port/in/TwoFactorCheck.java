package com.smartconnect.application.account.twofactor.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;

/**
 * Asks whether a request may do what needs two-factor authentication (remote outlet reboot): the user has it turned
 * on, and the session the request came with passed it.
 */
public interface TwoFactorCheck {

    boolean isOnAndPassed(AuthenticatedUser user);
}
