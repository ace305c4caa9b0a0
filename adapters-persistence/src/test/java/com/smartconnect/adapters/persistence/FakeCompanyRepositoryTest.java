package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CompanyRepositoryContract} on the application's in-memory fakes, which its tests run against. */
class FakeCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
