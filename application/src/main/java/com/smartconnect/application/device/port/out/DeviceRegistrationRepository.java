package com.smartconnect.application.device.port.out;

import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Optional;

/**
 * The registrations of UPSes to accounts, at most one per device. An implementation in a database drops the
 * registrations of an account when the account is deleted, so its devices may be registered again.
 */
public interface DeviceRegistrationRepository {

    Optional<DeviceRegistration> find(ProductId productId);

    /**
     * The registration, its row locked until the caller's transaction ends, so it is neither removed nor registered
     * anew meanwhile: a change checked against its owner holds when it is made.
     */
    Optional<DeviceRegistration> lock(ProductId productId);

    /**
     * Adds the registration unless the device is registered already; {@code false}, and nothing changed, then (two
     * accounts registering the same device at once: exactly one wins).
     */
    boolean add(DeviceRegistration registration);

    /** Replaces the profile and sensitivity of a registration that exists and is still its owner's. */
    void update(DeviceRegistration registration);

    /**
     * Removes the device's registration to {@code owner}; {@code false} if there was none, or the device is registered
     * to another account by now.
     */
    boolean remove(ProductId productId, AccountId owner);

    /** The registrations owned by members of the company, by Product ID. */
    List<DeviceRegistration> ofCompany(CompanyId company);

    /** Removes every registration the account owns (account deletion). */
    void removeAllOwnedBy(AccountId owner);
}
