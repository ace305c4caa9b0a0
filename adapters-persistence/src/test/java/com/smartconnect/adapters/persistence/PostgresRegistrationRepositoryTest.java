package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link RegistrationRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresRegistrationRepositoryTest extends RegistrationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
