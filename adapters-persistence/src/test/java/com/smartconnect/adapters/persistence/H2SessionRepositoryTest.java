package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link SessionRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2SessionRepositoryTest extends SessionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
