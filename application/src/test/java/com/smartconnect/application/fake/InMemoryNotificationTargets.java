package com.smartconnect.application.fake;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The targets as the database joins them, read from the other in-memory repositories: the registration, its owner's
 * account, the plan and the notifications.
 */
public final class InMemoryNotificationTargets implements NotificationTargets {

    private final DeviceRegistrationRepository registrations;
    private final AccountRepository accounts;
    private final PlanRepository plans;
    private final EventNotificationRepository notifications;

    public InMemoryNotificationTargets(DeviceRegistrationRepository registrations, AccountRepository accounts,
            PlanRepository plans, EventNotificationRepository notifications) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.plans = plans;
        this.notifications = notifications;
    }

    /** Targets of a world where no device is registered: every event is only logged. */
    public static InMemoryNotificationTargets none() {
        return new InMemoryNotificationTargets(new InMemoryDeviceRegistrations(), new InMemoryAccounts(),
                new InMemoryPlans(), new InMemoryEventNotifications());
    }

    @Override
    public Map<ProductId, Target> of(Collection<ProductId> productIds) {
        Map<ProductId, Target> found = new HashMap<>();
        for (ProductId productId : productIds) {
            Optional<DeviceRegistration> registration = registrations.find(productId);
            Optional<Account> owner = registration.flatMap(r -> accounts.findById(r.owner()));
            if (owner.isPresent() && registration.get().notifications()) {
                DeviceRegistration r = registration.get();
                found.put(productId, new Target(
                        new DeviceOwners.DeviceOwner(owner.get().id(), owner.get().email(), owner.get().name().first(),
                                r.name().orElse(productId.value())),
                        r.timeZone(), plans.find(productId), notifications.ofDevice(productId)));
            }
        }
        return found;
    }
}
