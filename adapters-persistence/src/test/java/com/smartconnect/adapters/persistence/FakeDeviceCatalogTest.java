package com.smartconnect.adapters.persistence;

import java.util.Optional;

/** {@link DeviceCatalogContract} on the application's in-memory fakes, which its tests run against. */
class FakeDeviceCatalogTest extends DeviceCatalogContract {

    @Override
    Optional<Ports> freshPorts() {
        return InMemoryPorts.fresh();
    }
}
