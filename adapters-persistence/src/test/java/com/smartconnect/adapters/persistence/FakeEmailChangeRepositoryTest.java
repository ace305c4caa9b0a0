package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EmailChangeRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeEmailChangeRepositoryTest extends EmailChangeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
