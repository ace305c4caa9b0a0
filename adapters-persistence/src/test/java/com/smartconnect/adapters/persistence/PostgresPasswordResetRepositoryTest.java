package com.smartconnect.adapters.persistence;

import java.util.Optional;

/**
 * {@link PasswordResetRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is
 * configured.
 */
class PostgresPasswordResetRepositoryTest extends PasswordResetRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
