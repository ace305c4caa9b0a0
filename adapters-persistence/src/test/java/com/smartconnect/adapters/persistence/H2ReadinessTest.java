package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ReadinessContract} on an in-memory H2 database, the embedded default. */
class H2ReadinessTest extends ReadinessContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
