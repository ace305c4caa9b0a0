package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CompanyRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2CompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
