package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.out.LoginFailures;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.in.UnregisterDeviceCommand;
import com.smartconnect.application.device.port.in.UnregisterDeviceUseCase;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileUseCase;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceLabel;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.MachineSecretHash;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Registering UPSes to accounts, their profile, unregistering, and what users may read of them (status page, list,
 * event log, commands). A registration belongs to the account that made it; the owner's company co-workers read it.
 *
 * <p>Codes that match no catalogued device get one answer whether the Product ID exists or not, and after
 * {@link #MAX_FAILURES} of them within {@link #FAILURE_WINDOW} an account waits until the window has passed since the
 * last one: Product IDs cannot be probed, nor Product Keys guessed.
 */
public final class DeviceRegistrationService implements RegisterDeviceUseCase, UpdateDeviceProfileUseCase,
        UnregisterDeviceUseCase, RegisteredDevicesQuery {

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
    private final DeviceEventRepository events;
    private final DeviceRegistrationRepository registrations;
    private final DeviceCommandOutbox commands;
    private final LoginFailures failures;
    private final ResellerOffer resellers;
    private final DeviceAccessRules rules;
    private final DeviceRegistrationListener listener;

    @Inject
    public DeviceRegistrationService(Clock clock, Transactions transactions, AccountRepository accounts,
            DeviceCatalog catalog, DeviceStateRepository states, DeviceEventRepository events,
            DeviceRegistrationRepository registrations, DeviceCommandOutbox commands, LoginFailures failures,
            ResellerOffer resellers, PlanService plans, DeviceRegistrationListener listener) {
        this.clock = clock;
        this.transactions = transactions;
        this.catalog = catalog;
        this.states = states;
        this.events = events;
        this.registrations = registrations;
        this.commands = commands;
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
                Optional<String[]> read = readQrUrl(qr.url());
                if (read.isEmpty()) {
                    return new RegisterDeviceResult.Invalid(List.of(new FieldError("qrUrl", INVALID_QR_URL,
                            "This is not the QR code of a SmartConnect UPS label. Please scan the QR code on the UPS "
                                    + "label, or enter the Product ID and Product Key printed on it.")));
                }
                typedId = read.get()[0];
                typedKey = read.get()[1];
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

    /** The Product ID and Product Key of a label's URL ({@code .../devices/register?productId=..&productKey=..}). */
    static Optional<String[]> readQrUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getPath() == null || !uri.getPath().replaceAll("/+$", "").endsWith("/devices/register")
                || uri.getRawQuery() == null) {
            return Optional.empty();
        }
        String id = null;
        String key = null;
        for (String parameter : uri.getRawQuery().split("&")) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
            if (name.equals("productId")) {
                id = value;
            } else if (name.equals("productKey")) {
                key = value;
            }
        }
        return id == null || key == null ? Optional.empty() : Optional.of(new String[] {id, key});
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

    @Override
    public Optional<RegisteredDeviceView> device(AuthenticatedUser user, String productId) {
        return rules.visible(user, productId).map(v -> rules.view(v.registration(), v.access()));
    }

    @Override
    public List<RegisteredDeviceView> devices(AuthenticatedUser user) {
        Account account = rules.account(user);
        return registrations.ofCompany(account.companyId()).stream()
                .sorted(Comparator.comparing(r -> r.productId().value()))
                .flatMap(r -> DeviceAccessRules.accessOf(account, r).map(a -> rules.view(r, a)).stream())
                .toList();
    }

    @Override
    public Optional<DeviceEventPage> events(DeviceEventCriteria query) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(query.user(), query.productId());
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeviceEventRepository.Position> after = Optional.empty();
        if (query.after().isPresent()) {
            after = decodeCursor(query.after().get());
            if (after.isEmpty()) {
                return Optional.empty();
            }
        }
        DeviceRegistration registration = visible.get().registration();
        // On a plan without the event log (Basic) the log gets no new entries: it ends where the plan fell to Basic.
        Optional<Instant> to = query.to();
        Optional<Instant> loggedUntil = loggedUntil(registration.productId());
        if (loggedUntil.isPresent() && to.filter(t -> t.isBefore(loggedUntil.get())).isEmpty()) {
            to = loggedUntil;
        }
        List<DeviceEvent> page = events.newestFirst(registration.productId(), new DeviceEventRepository.EventFilter(
                query.from(), to, query.type(), query.severity()), after, query.limit() + 1);
        Optional<String> next = Optional.empty();
        if (page.size() > query.limit()) {
            page = page.subList(0, query.limit());
            DeviceEvent last = page.get(page.size() - 1);
            next = Optional.of(encodeCursor(new DeviceEventRepository.Position(last.occurredAt(), last.eventId())));
        }
        return Optional.of(new DeviceEventPage(page, registration.timeZone(), next));
    }

    /**
     * When the device's event log stopped taking entries: empty while its plan includes the event log; else when it
     * fell to Basic (the start of Basic in its history, or the end of a plan that ended and was not recorded yet).
     */
    private Optional<Instant> loggedUntil(ProductId productId) {
        Optional<PlanView> plan = plans.planOf(productId);
        boolean logs = plan.map(p -> p.features().contains(PlanFeature.EVENT_LOG))
                .orElse(Plan.BASIC.includes(PlanFeature.EVENT_LOG));
        if (logs) {
            return Optional.empty();
        }
        List<PlanChange> history = plan.map(PlanView::history).orElse(List.of());
        if (history.isEmpty()) {
            return Optional.of(Instant.EPOCH);
        }
        PlanChange last = history.get(history.size() - 1);
        return Optional.of(last.plan() == Plan.BASIC ? last.changedAt() : last.endsAt().orElse(last.changedAt()));
    }

    @Override
    public Optional<DeviceCommand> command(AuthenticatedUser user, String productId, String commandId) {
        return rules.visible(user, productId)
                .flatMap(v -> commands.find(commandId).filter(c -> c.productId().equals(v.registration().productId())));
    }

    /** An opaque cursor: the last event's time (epoch seconds and nanos) and id, base64url. */
    static String encodeCursor(DeviceEventRepository.Position position) {
        String plain = position.occurredAt().getEpochSecond() + "." + position.occurredAt().getNano() + "."
                + position.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<DeviceEventRepository.Position> decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\.", 3);
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return parts[2].isEmpty() ? Optional.empty()
                    : Optional.of(new DeviceEventRepository.Position(at, parts[2]));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
