package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceStateAndEventsContract} on the application's in-memory fakes, which its tests run against. */
class FakeDeviceStateAndEventsTest extends DeviceStateAndEventsContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
