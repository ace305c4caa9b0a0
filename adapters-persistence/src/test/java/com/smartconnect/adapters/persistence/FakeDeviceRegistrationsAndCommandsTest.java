package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceRegistrationsAndCommandsContract} on the application's in-memory fakes, which its tests run against. */
class FakeDeviceRegistrationsAndCommandsTest extends DeviceRegistrationsAndCommandsContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
