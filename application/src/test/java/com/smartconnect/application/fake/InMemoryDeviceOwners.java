package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.domain.device.ProductId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DeviceOwners} as the database joins them: a registered device's owner is its registrant's account, with the
 * name the registrant gave the device (its Product ID until named). A test that needs no registrations registers an
 * owner by hand instead.
 */
public final class InMemoryDeviceOwners implements DeviceOwners {

    private final Map<ProductId, DeviceOwner> registeredByHand = new ConcurrentHashMap<>();
    private final DeviceRegistrationRepository registrations;
    private final AccountRepository accounts;

    /** Owners a test registers by hand. */
    public InMemoryDeviceOwners() {
        this(new InMemoryDeviceRegistrations(), new InMemoryAccounts());
    }

    /** Owners read from the registrations and the accounts, and those a test registers by hand. */
    public InMemoryDeviceOwners(DeviceRegistrationRepository registrations, AccountRepository accounts) {
        this.registrations = registrations;
        this.accounts = accounts;
    }

    public void register(ProductId productId, DeviceOwner owner) {
        registeredByHand.put(productId, owner);
    }

    @Override
    public Optional<DeviceOwner> ownerOf(ProductId productId) {
        DeviceOwner byHand = registeredByHand.get(productId);
        if (byHand != null) {
            return Optional.of(byHand);
        }
        return registrations.find(productId).flatMap(registration -> accounts.findById(registration.owner())
                .map(account -> new DeviceOwner(account.id(), account.email(), account.name().first(),
                        registration.name().orElse(productId.value()))));
    }
}
