package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link SessionRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeSessionRepositoryTest extends SessionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
