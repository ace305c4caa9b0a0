package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CoworkerInvitationRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2CoworkerInvitationRepositoryTest extends CoworkerInvitationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
