package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationDeliveryContract} on the application's in-memory fakes, which its tests run against. */
class FakeEventNotificationDeliveryTest extends EventNotificationDeliveryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
