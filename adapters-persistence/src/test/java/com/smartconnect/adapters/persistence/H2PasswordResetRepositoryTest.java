package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link PasswordResetRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2PasswordResetRepositoryTest extends PasswordResetRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
