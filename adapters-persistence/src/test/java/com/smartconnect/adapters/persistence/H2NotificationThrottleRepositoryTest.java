package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationThrottleRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2NotificationThrottleRepositoryTest extends NotificationThrottleRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
