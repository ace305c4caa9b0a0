package com.smartconnect.application.fake;

import com.smartconnect.application.account.session.port.out.SessionRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.Session;
import com.smartconnect.domain.session.SessionId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionRepository} in a map. */
public final class InMemorySessions implements SessionRepository {

    private final Map<SessionId, Session> byId = new ConcurrentHashMap<>();

    @Override
    public void add(Session session) {
        byId.put(session.id(), ColumnPrecision.of(session));
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return byId.values().stream().filter(s -> s.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        byId.computeIfPresent(id, (key, session) -> ColumnPrecision.of(session.touchedAt(lastSeenAt)));
    }

    @Override
    public void delete(SessionId id) {
        byId.remove(id);
    }

    @Override
    public int deleteAllOf(AccountId accountId) {
        int before = byId.size();
        byId.values().removeIf(s -> s.accountId().equals(accountId));
        return before - byId.size();
    }

    @Override
    public int deleteAllOfExcept(AccountId accountId, SessionId keep) {
        int before = byId.size();
        byId.values().removeIf(s -> s.accountId().equals(accountId) && !s.id().equals(keep));
        return before - byId.size();
    }

    @Override
    public void markTwoFactorPassed(SessionId id) {
        byId.computeIfPresent(id, (key, session) -> session.withTwoFactorPassed());
    }

    @Override
    public void clearTwoFactorPassed(AccountId accountId) {
        byId.replaceAll((key, s) -> s.accountId().equals(accountId)
                ? new Session(s.id(), s.tokenHash(), s.accountId(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), false)
                : s);
    }

    public int size() {
        return byId.size();
    }
}
