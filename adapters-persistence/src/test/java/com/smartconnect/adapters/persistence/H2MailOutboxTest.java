package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MailOutboxContract} on an in-memory H2 database, the embedded default. */
class H2MailOutboxTest extends MailOutboxContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
