package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MigrationContract} on an in-memory H2 database, the embedded default. */
class H2MigrationTest extends MigrationContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
