package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerConnectionRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeResellerConnectionRepositoryTest extends ResellerConnectionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
