package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DatabaseMailOutboxContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresMailOutboxTest extends DatabaseMailOutboxContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
