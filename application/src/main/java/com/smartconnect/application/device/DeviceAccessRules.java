package com.smartconnect.application.device;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.device.BatteryLife;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.Optional;

/**
 * Who may see and manage a registered UPS: its owner manages it, the owner's company co-workers read it, anyone else
 * does not see it at all. Also builds the UPS status page.
 */
public final class DeviceAccessRules {

    /** A registration the user may see, and how. */
    public record Visible(Account user, DeviceRegistration registration, DeviceAccess access) {
    }

    private final AccountRepository accounts;
    private final DeviceRegistrationRepository registrations;
    private final DeviceCatalog catalog;
    private final DeviceStateRepository states;
    private final PlanQuery plans;

    public DeviceAccessRules(AccountRepository accounts, DeviceRegistrationRepository registrations, DeviceCatalog catalog,
            DeviceStateRepository states, PlanQuery plans) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.catalog = catalog;
        this.states = states;
        this.plans = plans;
    }

    Account account(AuthenticatedUser user) {
        return accounts.findById(user.accountId()).orElseThrow(AccountNoLongerExists::new);
    }

    /**
     * In the caller's transaction: the registration read as {@code seen}, locked until the transaction ends, if it is
     * still its owner's; empty if the device was unregistered (and maybe registered to another account) meanwhile. A
     * change the owner makes is then made on the registration as it is, and no one else's.
     */
    public Optional<DeviceRegistration> lockIfStillOwned(DeviceRegistration seen) {
        return registrations.lock(seen.productId()).filter(locked -> locked.owner().equals(seen.owner()));
    }

    /** The device as the user may see it; empty for a malformed Product ID, an unregistered device, a stranger's. */
    public Optional<Visible> visible(AuthenticatedUser user, String productId) {
        if (!ProductId.isValid(productId)) {
            return Optional.empty();
        }
        Account account = account(user);
        return registrations.find(new ProductId(productId)).flatMap(r -> accessOf(account, r)
                .map(access -> new Visible(account, r, access)));
    }

    static Optional<DeviceAccess> accessOf(Account account, DeviceRegistration registration) {
        if (registration.owner().equals(account.id())) {
            return Optional.of(DeviceAccess.OWNER);
        }
        if (registration.company().equals(account.companyId())) {
            return Optional.of(DeviceAccess.COWORKER);
        }
        return Optional.empty();
    }

    public RegisteredDeviceView view(DeviceRegistration registration, DeviceAccess access) {
        ProductId productId = registration.productId();
        CatalogEntry entry = catalog.find(productId).orElseThrow(
                () -> new IllegalStateException("a registered device is missing from the catalog: " + productId));
        Optional<DeviceState> state = states.find(productId);
        Optional<DeviceBirth> birth = state.flatMap(DeviceState::lastBirth);
        // The catalog is the manufacturing record; a battery the device reports replaced wins over it.
        String batterySku = birth.flatMap(DeviceBirth::batterySku).orElse(entry.batterySku());
        var installedOn = birth.flatMap(DeviceBirth::batteryInstalledOn).orElse(entry.batteryInstalledOn());
        return new RegisteredDeviceView(
                productId,
                access,
                birth.map(DeviceBirth::model).orElse(entry.model()),
                entry.serialNumber(),
                birth.flatMap(DeviceBirth::firmware),
                birth.map(DeviceBirth::smartConnectEnabled).orElse(false),
                state.map(DeviceState::connected).orElse(false),
                state.flatMap(DeviceState::lastSeenAt),
                state.flatMap(DeviceState::latestStatus),
                birth.map(DeviceBirth::outletGroups).orElse(List.of()),
                batterySku,
                BatteryLife.replaceBy(batterySku, installedOn),
                entry.warrantyEndsOn(),
                plans.planOf(productId).map(plan -> plan.plan().name()),
                registration.name(),
                registration.description(),
                registration.timeZone(),
                registration.notifications(),
                registration.sensitivity(),
                registration.registeredAt());
    }
}
