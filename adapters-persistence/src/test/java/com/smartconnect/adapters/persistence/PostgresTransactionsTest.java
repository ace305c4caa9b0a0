package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link TransactionsContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresTransactionsTest extends TransactionsContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
