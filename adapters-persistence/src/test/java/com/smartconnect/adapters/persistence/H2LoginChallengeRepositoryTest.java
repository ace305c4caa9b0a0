package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link LoginChallengeRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2LoginChallengeRepositoryTest extends LoginChallengeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
