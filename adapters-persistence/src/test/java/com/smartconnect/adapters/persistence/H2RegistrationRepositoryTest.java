package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link RegistrationRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2RegistrationRepositoryTest extends RegistrationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
