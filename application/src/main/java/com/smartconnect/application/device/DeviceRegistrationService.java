package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.UnregisterDeviceCommand;
import com.smartconnect.application.device.port.in.UnregisterDeviceUseCase;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceLabel;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.MachineSecretHash;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registering UPSes to accounts and unregistering them. A registration belongs to the account that made it; the
 * owner's company co-workers read it ({@link RegisteredDevicesService}), the owner alone changes its profile
 * ({@link DeviceProfileService}).
 *
 * <p>Codes that match no catalogued device get one answer whether the Product ID exists or not, and after
 * {@link #MAX_FAILURES} of them within {@link #FAILURE_WINDOW} an account waits until the window has passed since the
 * last one: Product IDs cannot be probed, nor Product Keys guessed.
 */
public final class DeviceRegistrationService implements RegisterDeviceUseCase, UnregisterDeviceUseCase {

    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final String INVALID_QR_URL = "INVALID_QR_URL";
    /** Compared against when the Product ID is unknown, so that both answers cost the same work. */
    private static final MachineSecretHash NO_KEY = MachineSecretHash.of(new ProductKey("00000000000000"));

    private final PlanService plans;
    private final Clock clock;
    private final Transactions transactions;
    private final DeviceCatalog catalog;
    private final DeviceStateRepository states;
    private final DeviceRegistrationRepository registrations;
    private final LoginFailures failures;
    private final ResellerOffer resellers;
    private final DeviceAccessRules rules;
    private final DeviceRegistrationListener listener;

    @Inject
    public DeviceRegistrationService(Clock clock, Transactions transactions, AccountRepository accounts,
            DeviceCatalog catalog, DeviceStateRepository states, DeviceRegistrationRepository registrations,
            LoginFailures failures, ResellerOffer resellers, PlanService plans, DeviceRegistrationListener listener) {
        this.clock = clock;
        this.transactions = transactions;
        this.catalog = catalog;
        this.states = states;
        this.registrations = registrations;
        this.failures = failures;
        this.resellers = resellers;
        this.plans = plans;
        this.listener = listener;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
    }

    @Override
    public RegisterDeviceResult register(RegisterDeviceCommand command) {
        String typedId;
        String typedKey;
        switch (command.label()) {
            case RegisterDeviceCommand.Codes codes -> {
                typedId = codes.productId();
                typedKey = codes.productKey();
            }
            case RegisterDeviceCommand.QrUrl qr -> {
                Optional<DeviceLabel.QrCodes> read = DeviceLabel.fromQrUrl(qr.url());
                if (read.isEmpty()) {
                    return new RegisterDeviceResult.Invalid(List.of(new FieldError("qrUrl", INVALID_QR_URL,
                            "This is not the QR code of a SmartConnect UPS label. Please scan the QR code on the UPS "
                                    + "label, or enter the Product ID and Product Key printed on it.")));
                }
                typedId = read.get().productId();
                typedKey = read.get().productKey();
            }
        }
        List<FieldError> errors = new ArrayList<>();
        ProductId productId = null;
        ProductKey productKey = null;
        try {
            productId = DeviceLabel.productId(typedId);
        } catch (DomainViolation invalid) {
            errors.add(new FieldError("productId", invalid.code(), invalid.getMessage()));
        }
        try {
            productKey = DeviceLabel.productKey(typedKey);
        } catch (DomainViolation invalid) {
            errors.add(new FieldError("productKey", invalid.code(), invalid.getMessage()));
        }
        if (!errors.isEmpty()) {
            return new RegisterDeviceResult.Invalid(errors);
        }
        Account account = rules.account(command.user());
        ProductId id = productId;
        ProductKey key = productKey;
        RegisterDeviceResult result = transactions.inTransaction(() -> register(account, id, key));
        if (result instanceof RegisterDeviceResult.Registered registered) {
            boolean offer = resellers.offerOnDeviceRegistration(account.id());
            return new RegisterDeviceResult.Registered(registered.device(), offer);
        }
        return result;
    }

    private RegisterDeviceResult register(Account account, ProductId productId, ProductKey productKey) {
        Instant now = clock.instant();
        String throttleKey = "device-registration:" + account.id();
        failures.lock(throttleKey);
        LoginFailures.Recent recent = failures.since(throttleKey, now.minus(FAILURE_WINDOW));
        Instant until = recent.last().orElse(now).plus(FAILURE_WINDOW);
        if (recent.count() >= MAX_FAILURES && until.isAfter(now)) {
            return new RegisterDeviceResult.Throttled(Duration.between(now, until));
        }
        Optional<CatalogEntry> entry = catalog.find(productId);
        boolean keyMatches = entry.map(CatalogEntry::productKeyHash).orElse(NO_KEY).matches(productKey.value());
        if (entry.isEmpty() || !keyMatches) {
            failures.record(throttleKey, now);
            return new RegisterDeviceResult.NotRecognised();
        }
        Optional<DeviceBirth> birth = states.find(productId).flatMap(DeviceState::lastBirth);
        if (birth.isEmpty()) {
            return new RegisterDeviceResult.NeverConnected();
        }
        if (!birth.get().smartConnectEnabled()) {
            return new RegisterDeviceResult.SmartConnectNotEnabled();
        }
        Optional<DeviceRegistration> existing = registrations.find(productId);
        if (existing.isEmpty()) {
            DeviceRegistration registration = DeviceRegistration.registered(productId, account.id(),
                    account.companyId(), now);
            if (registrations.add(registration)) {
                // Its free monitoring period, in the same transaction (a device registered before keeps its plan).
                plans.startFreePeriodIfFirst(productId);
                // And what the other contexts set up for a new device (its first Event Notification).
                listener.registered(registration, account);
                return new RegisterDeviceResult.Registered(rules.view(registration, DeviceAccess.OWNER), false);
            }
            existing = registrations.find(productId);
        }
        if (existing.isPresent() && existing.get().owner().equals(account.id())) {
            return new RegisterDeviceResult.Registered(rules.view(existing.get(), DeviceAccess.OWNER), false);
        }
        return new RegisterDeviceResult.RegisteredToAnotherAccount();
    }

    @Override
    public DeviceChangeResult unregister(UnregisterDeviceCommand command) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(command.user(), command.productId());
        if (visible.isEmpty()) {
            return new DeviceChangeResult.NotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new DeviceChangeResult.NotOwner();
        }
        RegisteredDeviceView before = rules.view(visible.get().registration(), DeviceAccess.OWNER);
        // Bound to the owner seen above: a request that raced with unregistering and registering the device to another
        // account removes nothing of theirs.
        boolean removed = transactions.inTransaction(
                () -> registrations.remove(before.productId(), visible.get().registration().owner()));
        return removed ? new DeviceChangeResult.Changed(before) : new DeviceChangeResult.NotFound();
    }
}
