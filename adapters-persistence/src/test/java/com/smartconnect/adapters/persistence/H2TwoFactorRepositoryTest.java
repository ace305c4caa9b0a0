package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link TwoFactorRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2TwoFactorRepositoryTest extends TwoFactorRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
