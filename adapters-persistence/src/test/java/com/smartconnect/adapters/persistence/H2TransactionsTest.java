package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link TransactionsContract} on an in-memory H2 database, the embedded default. */
class H2TransactionsTest extends TransactionsContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
