package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link StatusHistoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeStatusHistoryTest extends StatusHistoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
