package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceRegistrationsAndCommandsContract} on an in-memory H2 database. */
class H2DeviceRegistrationsAndCommandsTest extends DeviceRegistrationsAndCommandsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
