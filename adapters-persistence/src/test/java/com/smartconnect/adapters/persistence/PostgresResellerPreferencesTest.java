package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerPreferencesContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresResellerPreferencesTest extends ResellerPreferencesContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
