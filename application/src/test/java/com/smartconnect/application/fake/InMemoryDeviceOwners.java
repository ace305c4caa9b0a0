package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.domain.device.ProductId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeviceOwners} a test registers by hand. */
public final class InMemoryDeviceOwners implements DeviceOwners {

    private final Map<ProductId, DeviceOwner> owners = new ConcurrentHashMap<>();

    public void register(ProductId productId, DeviceOwner owner) {
        owners.put(productId, owner);
    }

    @Override
    public Optional<DeviceOwner> ownerOf(ProductId productId) {
        return Optional.ofNullable(owners.get(productId));
    }
}
