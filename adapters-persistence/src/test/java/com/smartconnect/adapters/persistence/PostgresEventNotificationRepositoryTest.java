package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresEventNotificationRepositoryTest extends EventNotificationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
