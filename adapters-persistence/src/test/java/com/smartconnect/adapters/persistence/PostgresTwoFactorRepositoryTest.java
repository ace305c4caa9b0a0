package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link TwoFactorRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresTwoFactorRepositoryTest extends TwoFactorRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
