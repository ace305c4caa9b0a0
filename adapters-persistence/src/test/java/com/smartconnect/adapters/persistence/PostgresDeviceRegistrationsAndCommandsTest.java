package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceRegistrationsAndCommandsContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresDeviceRegistrationsAndCommandsTest extends DeviceRegistrationsAndCommandsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
