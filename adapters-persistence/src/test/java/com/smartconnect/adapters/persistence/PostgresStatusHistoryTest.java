package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link StatusHistoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresStatusHistoryTest extends StatusHistoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
