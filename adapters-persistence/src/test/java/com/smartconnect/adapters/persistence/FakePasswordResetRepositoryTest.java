package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link PasswordResetRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakePasswordResetRepositoryTest extends PasswordResetRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
