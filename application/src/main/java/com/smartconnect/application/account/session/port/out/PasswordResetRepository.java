package com.smartconnect.application.account.session.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.PasswordReset;
import java.time.Instant;
import java.util.Optional;

/** Where password reset links are kept, by the hash of their token. */
public interface PasswordResetRepository {

    void add(PasswordReset reset);

    /** The link, locked until the current transaction ends so that it can be used only once. */
    Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash);

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** Retires every unused link of the account: after a new password is set, older links must not work. */
    void markAllUsed(AccountId accountId, Instant at);

    /** How many links the account was sent at or after {@code since}. */
    int countCreatedSince(AccountId accountId, Instant since);
}
