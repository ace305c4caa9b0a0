package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationThrottleRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeNotificationThrottleRepositoryTest extends NotificationThrottleRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
