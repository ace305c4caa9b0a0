package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EmailChangeRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresEmailChangeRepositoryTest extends EmailChangeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
