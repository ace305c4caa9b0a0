package com.smartconnect.application.fake;

import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.LoginChallenge;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LoginChallengeRepository} in a map. */
public final class InMemoryLoginChallenges implements LoginChallengeRepository {

    private final Map<UUID, LoginChallenge> byId = new ConcurrentHashMap<>();

    @Override
    public void add(LoginChallenge challenge) {
        byId.put(challenge.id(), ColumnPrecision.of(challenge));
    }

    @Override
    public Optional<LoginChallenge> findByTokenHash(String tokenHash) {
        return byId.values().stream().filter(c -> c.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public Optional<LoginChallenge> lock(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void recordFailure(UUID id) {
        byId.computeIfPresent(id, (key, c) -> new LoginChallenge(c.id(), c.tokenHash(), c.accountId(), c.method(),
                c.expiresAt(), c.failedAttempts() + 1));
    }

    @Override
    public void delete(UUID id) {
        byId.remove(id);
    }

    @Override
    public void deleteAllOf(AccountId accountId) {
        byId.values().removeIf(c -> c.accountId().equals(accountId));
    }

    public int size() {
        return byId.size();
    }
}
