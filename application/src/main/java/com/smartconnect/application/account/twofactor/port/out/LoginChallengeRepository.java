package com.smartconnect.application.account.twofactor.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.LoginChallenge;
import java.util.Optional;
import java.util.UUID;

/** Logins that passed the password and wait for the second factor, known by the hash of their token. */
public interface LoginChallengeRepository {

    void add(LoginChallenge challenge);

    Optional<LoginChallenge> findByTokenHash(String tokenHash);

    /**
     * Locks the challenge until the current transaction ends and returns it as it is now, so that parallel tries of
     * one challenge are counted one after the other.
     */
    Optional<LoginChallenge> lock(UUID id);

    void recordFailure(UUID id);

    /** Ends a challenge (passed, or out of tries); nothing happens if it is gone. */
    void delete(UUID id);

    /** Ends every open challenge of an account, when its password or two-factor authentication changes. */
    void deleteAllOf(AccountId accountId);
}
