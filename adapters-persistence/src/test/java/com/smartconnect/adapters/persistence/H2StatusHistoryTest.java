package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link StatusHistoryContract} on an in-memory H2 database, the embedded default. */
class H2StatusHistoryTest extends StatusHistoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
