package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceStateAndEventsContract} on an in-memory H2 database, the embedded default. */
class H2DeviceStateAndEventsTest extends DeviceStateAndEventsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
