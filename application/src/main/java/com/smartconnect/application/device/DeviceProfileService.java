package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileUseCase;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceRegistration;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registered UPS's profile: its name, description, time zone and whether it sends Event Notifications. Only the
 * owner changes it; a co-worker who reads the device is told so, anyone else finds no such device.
 */
public final class DeviceProfileService implements UpdateDeviceProfileUseCase {

    private final Transactions transactions;
    private final DeviceRegistrationRepository registrations;
    private final DeviceAccessRules rules;

    @Inject
    public DeviceProfileService(Transactions transactions, AccountRepository accounts, DeviceCatalog catalog,
            DeviceStateRepository states, DeviceRegistrationRepository registrations, PlanQuery plans) {
        this.transactions = transactions;
        this.registrations = registrations;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
    }

    @Override
    public DeviceChangeResult updateProfile(UpdateDeviceProfileCommand command) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(command.user(), command.productId());
        if (visible.isEmpty()) {
            return new DeviceChangeResult.NotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new DeviceChangeResult.NotOwner();
        }
        // The change is made on the registration as it is in the transaction, locked (not on what was read above).
        return transactions.inTransaction(() -> rules.lockIfStillOwned(visible.get().registration())
                .map(locked -> changeProfile(locked, command))
                .orElseGet(DeviceChangeResult.NotFound::new));
    }

    private DeviceChangeResult changeProfile(DeviceRegistration current, UpdateDeviceProfileCommand command) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = current.timeZone();
        if (command.timeZone().isPresent()) {
            try {
                zone = DeviceRegistration.timeZone(command.timeZone().get());
            } catch (DomainViolation invalid) {
                errors.add(new FieldError("timeZone", invalid.code(), invalid.getMessage()));
            }
        }
        Optional<String> name = command.name().isPresent() ? command.name().filter(n -> !n.isBlank()) : current.name();
        Optional<String> description = command.description().isPresent()
                ? command.description().filter(d -> !d.isBlank()) : current.description();
        DeviceRegistration changed = null;
        try {
            changed = current.withProfile(name, description, zone,
                    command.notifications().orElse(current.notifications()));
        } catch (DomainViolation invalid) {
            String field = invalid.getMessage().contains("name") ? "name" : "description";
            errors.add(new FieldError(field, invalid.code(), invalid.getMessage()));
        }
        if (!errors.isEmpty()) {
            return new DeviceChangeResult.Invalid(errors);
        }
        registrations.update(changed);
        return new DeviceChangeResult.Changed(rules.view(changed, DeviceAccess.OWNER));
    }
}
