package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginFailuresContract} on an in-memory H2 database, the embedded default. */
class H2LoginFailuresTest extends LoginFailuresContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
