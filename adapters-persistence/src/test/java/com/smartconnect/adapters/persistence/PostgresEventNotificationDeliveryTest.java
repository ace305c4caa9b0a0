package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationDeliveryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresEventNotificationDeliveryTest extends EventNotificationDeliveryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
