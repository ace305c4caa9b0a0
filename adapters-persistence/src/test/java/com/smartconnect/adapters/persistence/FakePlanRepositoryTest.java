package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link PlanRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakePlanRepositoryTest extends PlanRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
