package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.device.port.in.DeviceCommandCriteria;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What users read of the registered UPSes they may see: a UPS's status page, the list of their company's UPSes, a
 * UPS's event log page by page, and the state of a command sent to it. The owner and the owner's company co-workers
 * read a UPS; to anyone else it does not exist.
 */
public final class RegisteredDevicesService implements RegisteredDevicesQuery {

    private final DeviceEventRepository events;
    private final DeviceRegistrationRepository registrations;
    private final DeviceCommandOutbox commands;
    private final PlanQuery plans;
    private final DeviceAccessRules rules;

    @Inject
    public RegisteredDevicesService(AccountRepository accounts, DeviceCatalog catalog, DeviceStateRepository states,
            DeviceEventRepository events, DeviceRegistrationRepository registrations, DeviceCommandOutbox commands,
            PlanQuery plans) {
        this.events = events;
        this.registrations = registrations;
        this.commands = commands;
        this.plans = plans;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
    }

    @Override
    public Optional<RegisteredDeviceView> device(DeviceCriteria device) {
        return rules.visible(device.user(), device.productId()).map(v -> rules.view(v.registration(), v.access()));
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
    public Optional<DeviceCommand> command(DeviceCommandCriteria command) {
        return rules.visible(command.user(), command.productId())
                .flatMap(v -> commands.find(command.commandId())
                        .filter(c -> c.productId().equals(v.registration().productId())));
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
