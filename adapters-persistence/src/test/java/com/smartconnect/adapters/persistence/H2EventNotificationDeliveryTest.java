package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EventNotificationDeliveryContract} on an in-memory H2 database, the embedded default. */
class H2EventNotificationDeliveryTest extends EventNotificationDeliveryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
