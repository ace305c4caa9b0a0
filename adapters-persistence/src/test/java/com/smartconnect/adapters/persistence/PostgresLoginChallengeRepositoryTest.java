package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginChallengeRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresLoginChallengeRepositoryTest extends LoginChallengeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
