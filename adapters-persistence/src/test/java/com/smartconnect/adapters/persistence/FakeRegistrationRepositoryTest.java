package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link RegistrationRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeRegistrationRepositoryTest extends RegistrationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
