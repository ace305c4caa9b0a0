package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerConnectionRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresResellerConnectionRepositoryTest extends ResellerConnectionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
