package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link EmailChangeRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2EmailChangeRepositoryTest extends EmailChangeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
