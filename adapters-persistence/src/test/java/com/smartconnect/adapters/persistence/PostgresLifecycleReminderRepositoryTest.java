package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LifecycleReminderRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresLifecycleReminderRepositoryTest extends LifecycleReminderRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
