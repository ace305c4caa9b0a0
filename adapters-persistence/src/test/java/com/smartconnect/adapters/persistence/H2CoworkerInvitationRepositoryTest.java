package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CoworkerInvitationRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2CoworkerInvitationRepositoryTest extends CoworkerInvitationRepositoryContract {

    @Override
    Optional<TestDatabase> freshDatabase() {
        return Optional.of(TestDatabases.freshH2());
    }
}
