package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationTargetsContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresNotificationTargetsTest extends NotificationTargetsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
