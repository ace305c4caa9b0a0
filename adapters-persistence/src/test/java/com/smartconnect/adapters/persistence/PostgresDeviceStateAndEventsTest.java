package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceStateAndEventsContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresDeviceStateAndEventsTest extends DeviceStateAndEventsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
