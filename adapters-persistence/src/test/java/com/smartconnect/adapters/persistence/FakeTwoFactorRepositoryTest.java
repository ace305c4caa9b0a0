package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link TwoFactorRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeTwoFactorRepositoryTest extends TwoFactorRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
