package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ReadinessContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresReadinessTest extends ReadinessContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
