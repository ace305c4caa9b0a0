package com.smartconnect.application.fake;

import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.PasswordReset;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PasswordResetRepository} in a map. */
public final class InMemoryPasswordResets implements PasswordResetRepository {

    private final Map<UUID, PasswordReset> byId = new ConcurrentHashMap<>();

    @Override
    public void add(PasswordReset reset) {
        byId.put(reset.id(), ColumnPrecision.of(reset));
    }

    @Override
    public Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash) {
        return findByTokenHash(tokenHash);
    }

    @Override
    public Optional<PasswordReset> findByTokenHash(String tokenHash) {
        return byId.values().stream().filter(r -> r.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public void markAllUsed(AccountId accountId, Instant at) {
        byId.replaceAll((id, r) -> r.accountId().equals(accountId) && r.usedAt().isEmpty()
                ? new PasswordReset(r.id(), r.tokenHash(), r.accountId(), r.createdAt(), r.expiresAt(), Optional.of(ColumnPrecision.micros(at)))
                : r);
    }

    @Override
    public int countCreatedSince(AccountId accountId, Instant since) {
        return (int) byId.values().stream()
                .filter(r -> r.accountId().equals(accountId) && !r.createdAt().isBefore(since)).count();
    }
}
