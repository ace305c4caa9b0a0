package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CoworkerInvitationRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeCoworkerInvitationRepositoryTest extends CoworkerInvitationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
