package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Optional;

/**
 * The registrations as a request read them before other requests changed them: {@link #find} answers {@code seen}
 * for its device, while locking and writing reach what is stored. A service given this runs as a request that raced
 * with those changes.
 */
public record RegistrationsReadBefore(DeviceRegistrationRepository stored, DeviceRegistration seen)
        implements DeviceRegistrationRepository {

    @Override
    public Optional<DeviceRegistration> find(ProductId productId) {
        return seen.productId().equals(productId) ? Optional.of(seen) : stored.find(productId);
    }

    @Override
    public Optional<DeviceRegistration> lock(ProductId productId) {
        return stored.lock(productId);
    }

    @Override
    public boolean add(DeviceRegistration registration) {
        return stored.add(registration);
    }

    @Override
    public void update(DeviceRegistration registration) {
        stored.update(registration);
    }

    @Override
    public boolean remove(ProductId productId, AccountId owner) {
        return stored.remove(productId, owner);
    }

    @Override
    public List<DeviceRegistration> ofCompany(CompanyId company) {
        return stored.ofCompany(company);
    }

    @Override
    public void removeAllOwnedBy(AccountId owner) {
        stored.removeAllOwnedBy(owner);
    }
}
