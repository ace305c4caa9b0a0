package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2EventNotificationRepositoryTest extends EventNotificationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
