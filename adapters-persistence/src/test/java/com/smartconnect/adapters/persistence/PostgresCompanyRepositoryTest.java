package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link CompanyRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is configured. */
class PostgresCompanyRepositoryTest extends CompanyRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
