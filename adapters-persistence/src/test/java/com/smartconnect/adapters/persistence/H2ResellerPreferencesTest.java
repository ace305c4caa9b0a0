package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerPreferencesContract} on an in-memory H2 database, the embedded default. */
class H2ResellerPreferencesTest extends ResellerPreferencesContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
