package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeAccountRepositoryTest extends AccountRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
