package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link MailedCodeRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresMailedCodeRepositoryTest extends MailedCodeRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
