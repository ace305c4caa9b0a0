package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationTargetsContract} on an in-memory H2 database, the embedded default. */
class H2NotificationTargetsTest extends NotificationTargetsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
