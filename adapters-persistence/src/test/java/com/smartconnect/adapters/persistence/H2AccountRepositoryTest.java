package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2AccountRepositoryTest extends AccountRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
