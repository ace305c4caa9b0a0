package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationTargetsContract} on the application's in-memory fakes, which its tests run against. */
class FakeNotificationTargetsTest extends NotificationTargetsContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
