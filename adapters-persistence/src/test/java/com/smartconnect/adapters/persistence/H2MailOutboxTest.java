package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DatabaseMailOutboxContract} on an in-memory H2 database, the embedded default. */
class H2MailOutboxTest extends DatabaseMailOutboxContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
