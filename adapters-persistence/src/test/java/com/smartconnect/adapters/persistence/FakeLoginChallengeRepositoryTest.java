package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginChallengeRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeLoginChallengeRepositoryTest extends LoginChallengeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
