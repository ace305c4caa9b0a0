package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MailedCodeRepositoryContract} on an in-memory H2 database, the embedded default. */
class H2MailedCodeRepositoryTest extends MailedCodeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.h2();
    }
}
