package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MailedCodeRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeMailedCodeRepositoryTest extends MailedCodeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
