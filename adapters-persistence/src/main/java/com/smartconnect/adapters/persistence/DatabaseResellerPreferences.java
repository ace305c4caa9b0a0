package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.RESELLER_PREFERENCE;

import com.smartconnect.application.reseller.port.out.ResellerPreferences;
import com.smartconnect.domain.account.AccountId;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The "Not interested?" setting of each customer, in table {@code reseller_preference}: one row per customer who
 * ever set it, none for one who never did (not interested: false). Deleting the account deletes its row
 * ({@code ON DELETE CASCADE}).
 */
final class DatabaseResellerPreferences implements ResellerPreferences {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DatabaseTransactions transactions;

    DatabaseResellerPreferences(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean notInterested(AccountId customer) {
        return transactions.dsl().select(RESELLER_PREFERENCE.NOT_INTERESTED)
                .from(RESELLER_PREFERENCE)
                .where(RESELLER_PREFERENCE.ACCOUNT_ID.eq(customer.value()))
                .fetchOptional(RESELLER_PREFERENCE.NOT_INTERESTED)
                .orElse(false);
    }

    /**
     * {@code INSERT ... ON CONFLICT (account_id) DO UPDATE} rather than a read and an insert or update: two clicks
     * of one customer at once both succeed, the later one winning, where the second insert would break the primary
     * key and, on PostgreSQL, abort the caller's transaction.
     */
    @Override
    public void setNotInterested(AccountId customer, boolean notInterested) {
        try {
            transactions.dsl().insertInto(RESELLER_PREFERENCE)
                    .set(RESELLER_PREFERENCE.ACCOUNT_ID, customer.value())
                    .set(RESELLER_PREFERENCE.NOT_INTERESTED, notInterested)
                    .onConflict(RESELLER_PREFERENCE.ACCOUNT_ID)
                    .doUpdate()
                    .set(RESELLER_PREFERENCE.NOT_INTERESTED, notInterested)
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // customer; the primary key refuses it once that one commits, H2 keeps the transaction usable, and the row
            // is there to update.
            if (transactions.dsl().family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            transactions.dsl().update(RESELLER_PREFERENCE)
                    .set(RESELLER_PREFERENCE.NOT_INTERESTED, notInterested)
                    .where(RESELLER_PREFERENCE.ACCOUNT_ID.eq(customer.value()))
                    .execute();
        }
    }
}
