package com.smartconnect.application.account.session.port.in;

/** Tells whether a reset link still works, so its page shows the form or says to request a new link. */
public interface PasswordResetLinkQuery {

    boolean isUsable(String token);
}
