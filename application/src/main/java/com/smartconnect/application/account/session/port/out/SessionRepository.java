package com.smartconnect.application.account.session.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where login sessions are kept, by the hash of their token. It is the only truth about sessions, so that a
 * logout ends a session at once on every instance.
 */
public interface SessionRepository {

    void add(Session session);

    Optional<Session> findByTokenHash(String tokenHash);

    /** Records a request of the session at {@code lastSeenAt}, which keeps its idle time-out sliding. */
    void touch(SessionId id, Instant lastSeenAt);

    /** Ends one session; nothing happens if it is already gone. */
    void delete(SessionId id);

    /** Ends every session of an account; returns how many there were. */
    int deleteAllOf(AccountId accountId);

    /** Ends every session of an account but {@code keep} (the one that changed the password); returns how many. */
    int deleteAllOfExcept(AccountId accountId, SessionId keep);

    /** Records that the session passed two-factor authentication (at login, or by turning it on). */
    void markTwoFactorPassed(SessionId id);

    /** No session of the account counts as having passed two-factor authentication any more (it was turned off). */
    void clearTwoFactorPassed(AccountId accountId);
}
