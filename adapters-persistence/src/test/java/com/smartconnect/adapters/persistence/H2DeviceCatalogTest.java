package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceCatalogContract} on an in-memory H2 database, the embedded default. */
class H2DeviceCatalogTest extends DeviceCatalogContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
