package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LifecycleReminderRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2LifecycleReminderRepositoryTest extends LifecycleReminderRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
