package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link PlanRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresPlanRepositoryTest extends PlanRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
