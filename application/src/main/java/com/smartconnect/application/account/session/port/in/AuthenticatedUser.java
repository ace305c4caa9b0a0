package com.smartconnect.application.account.session.port.in;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.SessionId;
import java.util.Objects;

/**
 * Who is behind a request: the account, and the session the request came with.
 *
 * @param twoFactorPassed whether this session passed two-factor authentication: what remote outlet reboot asks
 */
public record AuthenticatedUser(AccountId accountId, SessionId sessionId, boolean twoFactorPassed) {

    public AuthenticatedUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
