package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link SessionRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
