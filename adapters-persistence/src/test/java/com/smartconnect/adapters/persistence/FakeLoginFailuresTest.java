package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginFailuresContract} on the application's in-memory fakes, which its tests run against. */
class FakeLoginFailuresTest extends LoginFailuresContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
