package com.smartconnect.application.account.twofactor.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import java.util.Collection;
import java.util.Optional;

/**
 * Where each account's two-factor authentication is kept (at most one setting per account, on or being enrolled),
 * with its recovery codes, which are kept only as hashes.
 */
public interface TwoFactorRepository {

    Optional<TwoFactorSetting> findByAccount(AccountId accountId);

    /** Stores the account's setting, replacing the one it had. */
    void save(TwoFactorSetting setting);

    /**
     * Records that the authenticator code of {@code step} was used, only if it is later than the last one used: false
     * when another request used that step or a later one first, so that one code never works twice.
     */
    boolean advanceLastUsedStep(AccountId accountId, long step);

    /** Removes the account's setting and its recovery codes; nothing happens if there are none. */
    void delete(AccountId accountId);

    /** Replaces the account's recovery codes by these hashes. */
    void replaceRecoveryCodes(AccountId accountId, Collection<String> codeHashes);

    /** Uses up a recovery code: false if the account has no unused code with this hash. */
    boolean useRecoveryCode(AccountId accountId, String codeHash);

    int countRecoveryCodes(AccountId accountId);
}
