package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link NotificationThrottleRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2NotificationThrottleRepositoryTest extends NotificationThrottleRepositoryContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
