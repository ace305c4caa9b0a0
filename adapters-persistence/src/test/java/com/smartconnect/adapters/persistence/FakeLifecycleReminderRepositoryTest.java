package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LifecycleReminderRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeLifecycleReminderRepositoryTest extends LifecycleReminderRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
