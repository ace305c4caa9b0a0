package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MailOutboxContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresMailOutboxTest extends MailOutboxContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return TestDatabases.freshPostgres();
    }
}
