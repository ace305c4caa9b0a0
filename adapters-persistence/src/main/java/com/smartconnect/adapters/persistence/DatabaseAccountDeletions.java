package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT_DELETION;

import com.smartconnect.application.account.port.out.AccountDeletions;
import java.time.Instant;
import java.util.UUID;

/** The record of deleted accounts, in table {@code account_deletion}: an id and a time per deletion, nothing else. */
final class DatabaseAccountDeletions implements AccountDeletions {

    private final DatabaseTransactions transactions;

    DatabaseAccountDeletions(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(UUID id, Instant deletedAt) {
        transactions.dsl().insertInto(ACCOUNT_DELETION, ACCOUNT_DELETION.ID, ACCOUNT_DELETION.DELETED_AT)
                .values(id, Timestamps.column(deletedAt))
                .execute();
    }
}
