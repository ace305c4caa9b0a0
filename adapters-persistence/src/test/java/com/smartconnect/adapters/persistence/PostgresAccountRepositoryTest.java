package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
