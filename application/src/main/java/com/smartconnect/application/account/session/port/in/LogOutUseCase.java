package com.smartconnect.application.account.session.port.in;

/** Ends the session of a token at once, on every instance. */
public interface LogOutUseCase {

    /** Ends the session whose token this is; an unknown or ended token is no error. */
    void logOut(String sessionToken);
}
