package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationThrottleRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresNotificationThrottleRepositoryTest extends NotificationThrottleRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
