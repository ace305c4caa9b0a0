package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.RECOVERY_CODE;
import static com.smartconnect.adapters.persistence.jooq.Tables.TWO_FACTOR;

import com.smartconnect.adapters.persistence.jooq.tables.records.TwoFactorRecord;
import com.smartconnect.application.account.twofactor.port.out.TwoFactorRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.domain.twofactor.TwoFactorSetting;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;
import org.jooq.InsertValuesStep2;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The two-factor settings, in table {@code two_factor} (one row per account at most, its primary key), and the
 * unused recovery codes, in table {@code recovery_code}. The codes refer to the account, not to the setting, so that
 * replacing the setting keeps them. Deleting an account deletes both with it ({@code ON DELETE CASCADE}).
 */
final class DatabaseTwoFactor implements TwoFactorRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DatabaseTransactions transactions;

    DatabaseTwoFactor(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<TwoFactorSetting> findByAccount(AccountId accountId) {
        return transactions.dsl().selectFrom(TWO_FACTOR).where(TWO_FACTOR.ACCOUNT_ID.eq(accountId.value()))
                .fetchOptional()
                .map(DatabaseTwoFactor::setting);
    }

    /**
     * {@code INSERT ... ON CONFLICT (account_id) DO UPDATE} rather than a delete and an insert: two enrolments of one
     * account started at once (a double click) both succeed, the later one winning, where the second insert would
     * break the primary key and, on PostgreSQL, abort the caller's transaction.
     */
    @Override
    public void save(TwoFactorSetting setting) {
        TwoFactorRecord row = row(setting);
        try {
            transactions.dsl().insertInto(TWO_FACTOR).set(row)
                    .onConflict(TWO_FACTOR.ACCOUNT_ID)
                    .doUpdate()
                    .set(TWO_FACTOR.METHOD, row.getMethod())
                    .set(TWO_FACTOR.SEALED_TOTP_SECRET, row.getSealedTotpSecret())
                    .set(TWO_FACTOR.LAST_USED_STEP, row.getLastUsedStep())
                    .set(TWO_FACTOR.ENABLED, row.getEnabled())
                    .set(TWO_FACTOR.CREATED_AT, row.getCreatedAt())
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // account; the primary key refuses it once that one commits, H2 keeps the transaction usable, and the row
            // is there to update.
            if (transactions.dsl().family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            row.touched(TWO_FACTOR.ACCOUNT_ID, false);
            transactions.dsl().executeUpdate(row);
        }
    }

    /**
     * One conditional UPDATE, so that the database decides between two requests with codes of the same step: the
     * second waits for the first's row lock, then its condition no longer holds and it changes nothing.
     */
    @Override
    public boolean advanceLastUsedStep(AccountId accountId, long step) {
        return transactions.dsl().update(TWO_FACTOR)
                .set(TWO_FACTOR.LAST_USED_STEP, step)
                .where(TWO_FACTOR.ACCOUNT_ID.eq(accountId.value()))
                .and(TWO_FACTOR.LAST_USED_STEP.lt(step))
                .execute() == 1;
    }

    /** Both deletes in the caller's transaction (or in one of their own), so that no codes outlive their setting. */
    @Override
    public void delete(AccountId accountId) {
        transactions.inTransaction(() -> {
            transactions.dsl().deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId.value())).execute();
            transactions.dsl().deleteFrom(TWO_FACTOR).where(TWO_FACTOR.ACCOUNT_ID.eq(accountId.value())).execute();
            return null;
        });
    }

    /**
     * Deletes the account's codes and inserts the new ones (with one multi-row INSERT) in the caller's transaction (or
     * in one of its own), so that nobody sees the account without codes in between. The same hash given twice is kept
     * once: the primary key would refuse the second, and it is one code either way.
     */
    @Override
    public void replaceRecoveryCodes(AccountId accountId, Collection<String> codeHashes) {
        UUID account = accountId.value();
        transactions.inTransaction(() -> {
            transactions.dsl().deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.ACCOUNT_ID.eq(account)).execute();
            if (!codeHashes.isEmpty()) {
                InsertValuesStep2<?, UUID, String> insert = transactions.dsl()
                        .insertInto(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID, RECOVERY_CODE.CODE_HASH);
                for (String codeHash : new LinkedHashSet<>(codeHashes)) {
                    insert = insert.values(account, codeHash);
                }
                insert.execute();
            }
            return null;
        });
    }

    /**
     * Using a code deletes it: of two requests with the same code, the second waits for the first's row lock, then
     * finds nothing to delete.
     */
    @Override
    public boolean useRecoveryCode(AccountId accountId, String codeHash) {
        return transactions.dsl().deleteFrom(RECOVERY_CODE)
                .where(RECOVERY_CODE.ACCOUNT_ID.eq(accountId.value()))
                .and(RECOVERY_CODE.CODE_HASH.eq(codeHash))
                .execute() == 1;
    }

    /** Along the primary key, which leads with {@code account_id}. */
    @Override
    public int countRecoveryCodes(AccountId accountId) {
        return transactions.dsl().fetchCount(RECOVERY_CODE, RECOVERY_CODE.ACCOUNT_ID.eq(accountId.value()));
    }

    private static TwoFactorRecord row(TwoFactorSetting setting) {
        TwoFactorRecord row = new TwoFactorRecord(setting.accountId().value(), setting.method().name(),
                setting.sealedTotpSecret().orElse(null), setting.lastUsedStep(), setting.enabled(),
                Timestamps.column(setting.createdAt()));
        // Every column is written, the null secret of an e-mail setting too, so that nothing of an earlier one stays.
        row.touched(true);
        return row;
    }

    private static TwoFactorSetting setting(TwoFactorRecord row) {
        return new TwoFactorSetting(new AccountId(row.getAccountId()), TwoFactorMethod.valueOf(row.getMethod()),
                Optional.ofNullable(row.getSealedTotpSecret()), row.getLastUsedStep(), row.getEnabled(),
                Timestamps.instant(row.getCreatedAt()));
    }
}
