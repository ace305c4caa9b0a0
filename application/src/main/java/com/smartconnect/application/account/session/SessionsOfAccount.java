package com.smartconnect.application.account.session;

import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.domain.account.Account;
import jakarta.inject.Inject;

/** A deleted account's sessions go with it. */
public final class SessionsOfAccount implements AccountDependents {

    private final SessionRepository sessions;

    @Inject
    public SessionsOfAccount(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public void erase(Account account) {
        sessions.deleteAllOf(account.id());
    }

    @Override
    public ErasureStage erasureStage() {
        return ErasureStage.SESSIONS;
    }
}
