package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.TWO_FACTOR_CODE;

import com.smartconnect.adapters.persistence.jooq.tables.records.TwoFactorCodeRecord;
import com.smartconnect.application.account.twofactor.port.out.MailedCodeRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.CodePurpose;
import com.smartconnect.domain.twofactor.MailedCode;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The two-factor codes mailed to accounts, in table {@code two_factor_code}: one row per account and purpose at
 * most, its primary key. Deleting an account deletes its codes with it ({@code ON DELETE CASCADE}).
 */
final class DatabaseMailedCodes implements MailedCodeRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DatabaseTransactions transactions;

    DatabaseMailedCodes(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * {@code INSERT ... ON CONFLICT (account_id, purpose) DO UPDATE} rather than a delete and an insert: two codes of
     * one purpose sent at once both succeed, the later one winning, where the second insert would break the primary
     * key and, on PostgreSQL, abort the caller's transaction.
     */
    @Override
    public void put(MailedCode code) {
        TwoFactorCodeRecord row = row(code);
        try {
            transactions.dsl().insertInto(TWO_FACTOR_CODE).set(row)
                    .onConflict(TWO_FACTOR_CODE.ACCOUNT_ID, TWO_FACTOR_CODE.PURPOSE)
                    .doUpdate()
                    .set(TWO_FACTOR_CODE.CODE_HASH, row.getCodeHash())
                    .set(TWO_FACTOR_CODE.SENT_AT, row.getSentAt())
                    .set(TWO_FACTOR_CODE.EXPIRES_AT, row.getExpiresAt())
                    .set(TWO_FACTOR_CODE.FAILED_ATTEMPTS, row.getFailedAttempts())
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // code; the primary key refuses it once that one commits, H2 keeps the transaction usable, and the row is
            // there to update.
            if (transactions.dsl().family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            row.touched(TWO_FACTOR_CODE.ACCOUNT_ID, false);
            row.touched(TWO_FACTOR_CODE.PURPOSE, false);
            transactions.dsl().executeUpdate(row);
        }
    }

    @Override
    public Optional<MailedCode> find(AccountId accountId, CodePurpose purpose) {
        return transactions.dsl().selectFrom(TWO_FACTOR_CODE).where(is(accountId, purpose))
                .fetchOptional()
                .map(DatabaseMailedCodes::code);
    }

    /**
     * Counts in the UPDATE itself, not from a value read before: two wrong tries at once both count, the second
     * waiting for the first's row lock.
     */
    @Override
    public void recordFailure(AccountId accountId, CodePurpose purpose) {
        transactions.dsl().update(TWO_FACTOR_CODE)
                .set(TWO_FACTOR_CODE.FAILED_ATTEMPTS, TWO_FACTOR_CODE.FAILED_ATTEMPTS.plus(1))
                .where(is(accountId, purpose))
                .execute();
    }

    @Override
    public void delete(AccountId accountId, CodePurpose purpose) {
        transactions.dsl().deleteFrom(TWO_FACTOR_CODE).where(is(accountId, purpose)).execute();
    }

    /** Along the primary key, which leads with {@code account_id}. */
    @Override
    public void deleteAllOf(AccountId accountId) {
        transactions.dsl().deleteFrom(TWO_FACTOR_CODE).where(TWO_FACTOR_CODE.ACCOUNT_ID.eq(accountId.value())).execute();
    }

    private static Condition is(AccountId accountId, CodePurpose purpose) {
        return TWO_FACTOR_CODE.ACCOUNT_ID.eq(accountId.value()).and(TWO_FACTOR_CODE.PURPOSE.eq(purpose.name()));
    }

    private static TwoFactorCodeRecord row(MailedCode code) {
        return new TwoFactorCodeRecord(code.accountId().value(), code.purpose().name(), code.codeHash(),
                Timestamps.column(code.sentAt()), Timestamps.column(code.expiresAt()), code.failedAttempts());
    }

    private static MailedCode code(TwoFactorCodeRecord row) {
        return new MailedCode(new AccountId(row.getAccountId()), CodePurpose.valueOf(row.getPurpose()),
                row.getCodeHash(), Timestamps.instant(row.getSentAt()), Timestamps.instant(row.getExpiresAt()),
                row.getFailedAttempts());
    }
}
