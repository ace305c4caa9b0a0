package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.LOGIN_CHALLENGE;

import com.smartconnect.adapters.persistence.jooq.tables.records.LoginChallengeRecord;
import com.smartconnect.application.account.twofactor.port.out.LoginChallengeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.LoginChallenge;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import java.util.Optional;
import java.util.UUID;

/**
 * The logins waiting for their second factor, in table {@code login_challenge}, found by id or by the unique hash of
 * their token. Deleting an account deletes its challenges with it ({@code ON DELETE CASCADE}).
 */
final class DatabaseLoginChallenges implements LoginChallengeRepository {

    private final DatabaseTransactions transactions;

    DatabaseLoginChallenges(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(LoginChallenge challenge) {
        transactions.dsl().executeInsert(new LoginChallengeRecord(challenge.id(), challenge.tokenHash(),
                challenge.accountId().value(), challenge.method().name(), Timestamps.column(challenge.expiresAt()),
                challenge.failedAttempts()));
    }

    @Override
    public Optional<LoginChallenge> findByTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(LOGIN_CHALLENGE).where(LOGIN_CHALLENGE.TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabaseLoginChallenges::challenge);
    }

    /**
     * {@code SELECT ... FOR UPDATE}: the row lock holds until the caller's transaction ends, and the row returned is
     * the one as the previous holder of the lock left it. Outside of a transaction the lock ends with the statement.
     */
    @Override
    public Optional<LoginChallenge> lock(UUID id) {
        return transactions.dsl().selectFrom(LOGIN_CHALLENGE).where(LOGIN_CHALLENGE.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(DatabaseLoginChallenges::challenge);
    }

    /** Counts in the UPDATE itself, not from a value read before, so that no wrong try is lost. */
    @Override
    public void recordFailure(UUID id) {
        transactions.dsl().update(LOGIN_CHALLENGE)
                .set(LOGIN_CHALLENGE.FAILED_ATTEMPTS, LOGIN_CHALLENGE.FAILED_ATTEMPTS.plus(1))
                .where(LOGIN_CHALLENGE.ID.eq(id))
                .execute();
    }

    @Override
    public void delete(UUID id) {
        transactions.dsl().deleteFrom(LOGIN_CHALLENGE).where(LOGIN_CHALLENGE.ID.eq(id)).execute();
    }

    /** Along the index on {@code account_id}. */
    @Override
    public void deleteAllOf(AccountId accountId) {
        transactions.dsl().deleteFrom(LOGIN_CHALLENGE).where(LOGIN_CHALLENGE.ACCOUNT_ID.eq(accountId.value())).execute();
    }

    private static LoginChallenge challenge(LoginChallengeRecord row) {
        return new LoginChallenge(row.getId(), row.getTokenHash(), new AccountId(row.getAccountId()),
                TwoFactorMethod.valueOf(row.getMethod()), Timestamps.instant(row.getExpiresAt()),
                row.getFailedAttempts());
    }
}
