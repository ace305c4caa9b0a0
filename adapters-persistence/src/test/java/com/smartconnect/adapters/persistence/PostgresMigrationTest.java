package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MigrationContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresMigrationTest extends MigrationContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
