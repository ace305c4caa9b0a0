package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerConnectionRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2ResellerConnectionRepositoryTest extends ResellerConnectionRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
