package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginFailuresContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresLoginFailuresTest extends LoginFailuresContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
