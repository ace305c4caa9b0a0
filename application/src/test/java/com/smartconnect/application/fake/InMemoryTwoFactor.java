package com.smartconnect.application.fake;

import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TwoFactorRepository} in maps. */
public final class InMemoryTwoFactor implements TwoFactorRepository {

    private final Map<AccountId, TwoFactorSetting> settings = new ConcurrentHashMap<>();
    private final Map<AccountId, Set<String>> recoveryCodes = new ConcurrentHashMap<>();

    @Override
    public Optional<TwoFactorSetting> findByAccount(AccountId accountId) {
        return Optional.ofNullable(settings.get(accountId));
    }

    @Override
    public void save(TwoFactorSetting setting) {
        settings.put(setting.accountId(), ColumnPrecision.of(setting));
    }

    @Override
    public synchronized boolean advanceLastUsedStep(AccountId accountId, long step) {
        TwoFactorSetting setting = settings.get(accountId);
        if (setting == null || setting.lastUsedStep() >= step) {
            return false;
        }
        settings.put(accountId, new TwoFactorSetting(accountId, setting.method(), setting.sealedTotpSecret(), step,
                setting.enabled(), setting.createdAt()));
        return true;
    }

    @Override
    public void delete(AccountId accountId) {
        settings.remove(accountId);
        recoveryCodes.remove(accountId);
    }

    @Override
    public void replaceRecoveryCodes(AccountId accountId, Collection<String> codeHashes) {
        recoveryCodes.put(accountId, ConcurrentHashMap.newKeySet());
        recoveryCodes.get(accountId).addAll(new HashSet<>(codeHashes));
    }

    @Override
    public boolean useRecoveryCode(AccountId accountId, String codeHash) {
        Set<String> codes = recoveryCodes.get(accountId);
        return codes != null && codes.remove(codeHash);
    }

    @Override
    public int countRecoveryCodes(AccountId accountId) {
        return recoveryCodes.getOrDefault(accountId, Set.of()).size();
    }
}
