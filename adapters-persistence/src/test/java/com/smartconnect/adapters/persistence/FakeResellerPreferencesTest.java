package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link ResellerPreferencesContract} on the application's in-memory fakes, which its tests run against. */
class FakeResellerPreferencesTest extends ResellerPreferencesContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
