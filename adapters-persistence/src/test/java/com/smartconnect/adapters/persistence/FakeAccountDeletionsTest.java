package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link AccountDeletionsContract} on the application's in-memory fakes, which its tests run against. */
class FakeAccountDeletionsTest extends AccountDeletionsContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
