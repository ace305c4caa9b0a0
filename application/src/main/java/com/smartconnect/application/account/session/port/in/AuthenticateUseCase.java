package com.smartconnect.application.account.session.port.in;

import java.util.Optional;

/** Tells who holds a session token, and keeps the session's idle time-out sliding. */
public interface AuthenticateUseCase {

    /** The user of a live session; empty for an unknown, ended, idle or expired one. */
    Optional<AuthenticatedUser> authenticate(String sessionToken);
}
