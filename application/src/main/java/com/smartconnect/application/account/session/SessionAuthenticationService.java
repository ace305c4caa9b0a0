package com.smartconnect.application.account.session;

import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.application.common.SecretTokens;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionPolicy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a session token into the user behind it. A session past its idle or absolute time-out is deleted on sight;
 * a live one is touched at most once per {@link SessionPolicy#touchGranularity() touch granularity}, so that a busy
 * client does not write on every request and yet never idles out.
 */
public final class SessionAuthenticationService implements AuthenticateUseCase {

    private final Clock clock;
    private final SessionRepository sessions;
    private final SessionPolicy policy;

    @Inject
    public SessionAuthenticationService(Clock clock, SessionRepository sessions, SessionPolicy policy) {
        this.clock = clock;
        this.sessions = sessions;
        this.policy = policy;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String sessionToken) {
        Optional<Session> found = sessions.findByTokenHash(SecretTokens.hash(sessionToken));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.instant();
        if (!session.isActiveAt(now, policy)) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        if (session.needsTouch(now, policy)) {
            sessions.touch(session.id(), now);
        }
        return Optional.of(new AuthenticatedUser(session.accountId(), session.id(), session.twoFactorPassed()));
    }
}
