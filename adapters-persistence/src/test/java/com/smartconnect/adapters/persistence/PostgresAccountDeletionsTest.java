package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountDeletionsContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresAccountDeletionsTest extends AccountDeletionsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
