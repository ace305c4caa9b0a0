package com.smartconnect.application.account.session;

import com.smartconnect.application.account.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.domain.session.Session;
import jakarta.inject.Inject;

/** Ends sessions: the row goes, so every instance refuses the token from the next request on. */
public final class LogOutService implements LogOutUseCase {

    private final SessionRepository sessions;

    @Inject
    public LogOutService(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public void logOut(String sessionToken) {
        sessions.findByTokenHash(SecretTokens.hash(sessionToken)).map(Session::id).ifPresent(sessions::delete);
    }
}
