package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link PlanRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2PlanRepositoryTest extends PlanRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
