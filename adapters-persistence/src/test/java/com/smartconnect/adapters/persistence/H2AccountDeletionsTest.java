package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountDeletionsContract} on an in-memory H2 database, the embedded default. */
class H2AccountDeletionsTest extends AccountDeletionsContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
