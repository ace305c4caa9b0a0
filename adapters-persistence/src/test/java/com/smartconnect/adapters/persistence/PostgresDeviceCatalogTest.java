package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceCatalogContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresDeviceCatalogTest extends DeviceCatalogContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
