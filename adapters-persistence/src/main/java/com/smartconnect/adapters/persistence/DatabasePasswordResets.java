package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.PASSWORD_RESET;

import com.smartconnect.adapters.persistence.jooq.tables.records.PasswordResetRecord;
import com.smartconnect.application.account.session.port.out.PasswordResetRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.session.PasswordReset;
import java.time.Instant;
import java.util.Optional;

/**
 * The password reset links, in table {@code password_reset}, found by the unique hash of their token. Deleting an
 * account deletes its links with it ({@code ON DELETE CASCADE}).
 */
final class DatabasePasswordResets implements PasswordResetRepository {

    private final DatabaseTransactions transactions;

    DatabasePasswordResets(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(PasswordReset reset) {
        transactions.dsl().executeInsert(new PasswordResetRecord(reset.id(), reset.tokenHash(),
                reset.accountId().value(), Timestamps.column(reset.createdAt()),
                Timestamps.column(reset.expiresAt()), Timestamps.column(reset.usedAt().orElse(null))));
    }

    @Override
    public Optional<PasswordReset> findByTokenHashForUpdate(String tokenHash) {
        return transactions.dsl().selectFrom(PASSWORD_RESET).where(PASSWORD_RESET.TOKEN_HASH.eq(tokenHash))
                .forUpdate()
                .fetchOptional()
                .map(DatabasePasswordResets::reset);
    }

    @Override
    public Optional<PasswordReset> findByTokenHash(String tokenHash) {
        return transactions.dsl().selectFrom(PASSWORD_RESET).where(PASSWORD_RESET.TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(DatabasePasswordResets::reset);
    }

    /** Links that are used already keep the time they were used at. */
    @Override
    public void markAllUsed(AccountId accountId, Instant at) {
        transactions.dsl().update(PASSWORD_RESET)
                .set(PASSWORD_RESET.USED_AT, Timestamps.column(at))
                .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId.value()))
                .and(PASSWORD_RESET.USED_AT.isNull())
                .execute();
    }

    @Override
    public int countCreatedSince(AccountId accountId, Instant since) {
        return transactions.dsl().fetchCount(PASSWORD_RESET, PASSWORD_RESET.ACCOUNT_ID.eq(accountId.value())
                .and(PASSWORD_RESET.CREATED_AT.ge(Timestamps.column(since))));
    }

    private static PasswordReset reset(PasswordResetRecord row) {
        return new PasswordReset(row.getId(), row.getTokenHash(), new AccountId(row.getAccountId()),
                Timestamps.instant(row.getCreatedAt()), Timestamps.instant(row.getExpiresAt()),
                Optional.ofNullable(Timestamps.instant(row.getUsedAt())));
    }
}
