package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Device registrations in a map, at most one per device as in the database. */
public final class InMemoryDeviceRegistrations implements DeviceRegistrationRepository {

    private final Map<ProductId, DeviceRegistration> registrations = new LinkedHashMap<>();

    @Override
    public synchronized Optional<DeviceRegistration> find(ProductId productId) {
        return Optional.ofNullable(registrations.get(productId));
    }

    @Override
    public synchronized Optional<DeviceRegistration> lock(ProductId productId) {
        return find(productId);
    }

    @Override
    public synchronized boolean add(DeviceRegistration registration) {
        return registrations.putIfAbsent(registration.productId(), registration) == null;
    }

    @Override
    public synchronized void update(DeviceRegistration registration) {
        // As the database does: only while the device is still the same owner's.
        registrations.computeIfPresent(registration.productId(),
                (id, old) -> old.owner().equals(registration.owner()) ? registration : old);
    }

    @Override
    public synchronized boolean remove(ProductId productId, AccountId owner) {
        DeviceRegistration registration = registrations.get(productId);
        return registration != null && registration.owner().equals(owner) && registrations.remove(productId) != null;
    }

    @Override
    public synchronized List<DeviceRegistration> ofCompany(CompanyId company) {
        return registrations.values().stream().filter(r -> r.company().equals(company))
                .sorted(Comparator.comparing(r -> r.productId().value())).toList();
    }

    @Override
    public synchronized void removeAllOwnedBy(AccountId owner) {
        registrations.values().removeIf(r -> r.owner().equals(owner));
    }
}
