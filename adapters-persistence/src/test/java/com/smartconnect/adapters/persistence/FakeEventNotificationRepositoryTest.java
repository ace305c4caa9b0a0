package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeEventNotificationRepositoryTest extends EventNotificationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
