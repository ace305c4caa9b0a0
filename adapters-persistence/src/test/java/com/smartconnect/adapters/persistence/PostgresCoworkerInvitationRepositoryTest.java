package com.smartconnect.adapters.persistence;

import java.util.Optional;

/**
 * {@link CoworkerInvitationRepositoryContract} on PostgreSQL, in a schema of its own; skipped unless PostgreSQL is
 * configured.
 */
class PostgresCoworkerInvitationRepositoryTest extends CoworkerInvitationRepositoryContract {

    @Override
    Optional<Ports> freshPorts() {
        return DatabasePorts.postgres();
    }
}
