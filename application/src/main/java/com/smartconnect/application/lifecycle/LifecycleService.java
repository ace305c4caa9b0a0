package com.smartconnect.application.lifecycle;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.DeviceAccessRules;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.lifecycle.port.in.LifecycleEventView;
import com.smartconnect.application.lifecycle.port.in.LifecycleQuery;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderCommand;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderResult;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase;
import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.application.reseller.port.out.ResellerConnectionRepository;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.ResolvingSkus;
import com.smartconnect.domain.lifecycle.LifecycleEvent;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.reseller.ResellerConnection;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle events of a registered UPS (battery replace-by, warranty, Standard or Advanced plan end), and the
 * customer's reminder of one to their connected reseller: the reseller of the device's owner, who gets the job's
 * reminders about it too. Days are UTC days, as in the job.
 */
public final class LifecycleService implements LifecycleQuery, SendLifecycleReminderUseCase {

    private final Clock clock;
    private final Transactions transactions;
    private final DeviceCatalog catalog;
    private final DeviceAccessRules rules;
    private final PlanQuery plans;
    private final ResellerConnectionRepository connections;
    private final LifecycleReminderRepository reminders;
    private final MailOutbox outbox;
    private final LifecycleMails mails;

    @Inject
    public LifecycleService(Clock clock, Transactions transactions, AccountRepository accounts,
            DeviceRegistrationRepository registrations, DeviceCatalog catalog, DeviceStateRepository states,
            PlanQuery plans, ResellerConnectionRepository connections, LifecycleReminderRepository reminders,
            MailOutbox outbox, LifecycleMails mails) {
        this.clock = clock;
        this.transactions = transactions;
        this.catalog = catalog;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
        this.plans = plans;
        this.connections = connections;
        this.reminders = reminders;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Override
    public Optional<List<LifecycleEventView>> eventsOf(DeviceCriteria device) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return rules.visible(device.user(), device.productId())
                .map(visible -> events(rules.view(visible.registration(), visible.access())).stream()
                        .map(event -> new LifecycleEventView(event.kind(), event.titleOn(today), event.dueOn(),
                                event.isPastOn(today), event.remindableOn(today)))
                        .toList());
    }

    @Override
    public SendLifecycleReminderResult send(SendLifecycleReminderCommand command) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(command.user(), command.productId());
        Optional<LifecycleKind> kind = LifecycleKind.ofSlug(command.kind());
        if (visible.isEmpty() || kind.isEmpty()) {
            return new SendLifecycleReminderResult.NotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new SendLifecycleReminderResult.NotOwner();
        }
        RegisteredDeviceView device = rules.view(visible.get().registration(), visible.get().access());
        Optional<LifecycleEvent> event = events(device).stream().filter(e -> e.kind() == kind.get()).findFirst();
        if (event.isEmpty()) {
            return new SendLifecycleReminderResult.NotFound();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!event.get().remindableOn(today)) {
            return new SendLifecycleReminderResult.EventTooOld(event.get().dueOn());
        }
        var owner = visible.get().registration().owner();
        ResolvingSkus skus = catalog.find(device.productId()).map(CatalogEntry::skus).orElse(ResolvingSkus.NONE);
        Optional<String> sku = kind.get().resolvingSku(device.batterySku(), skus);
        return transactions.inTransaction(() -> {
            Optional<ResellerConnection> connection = connections.latestOf(owner)
                    .filter(c -> c.stateAt(now) == ResellerConnectionState.CONNECTED);
            if (connection.isEmpty()) {
                return new SendLifecycleReminderResult.NoConnectedReseller();
            }
            if (!reminders.markCustomerReminder(device.productId(), kind.get(), event.get().dueOn(), today)) {
                return new SendLifecycleReminderResult.AlreadySentToday();
            }
            mails.reminder(MailTemplate.RESELLER_CUSTOMER_REMINDER, connection.get().id(),
                    connection.get().resellerEmail(), owner, device.productId(), device.model(), sku,
                    event.get(), today).ifPresent(outbox::enqueue);
            return new SendLifecycleReminderResult.Sent(connection.get().resellerEmail().value());
        });
    }

    /** The device's events: its battery, its warranty, and its Standard or Advanced plan (running, or the last one). */
    private List<LifecycleEvent> events(RegisteredDeviceView device) {
        List<LifecycleEvent> events = new ArrayList<>();
        events.add(new LifecycleEvent(LifecycleKind.BATTERY, device.batteryReplaceBy()));
        events.add(new LifecycleEvent(LifecycleKind.WARRANTY, device.warrantyEndsOn()));
        plans.planOf(device.productId()).flatMap(LifecycleService::planEvent).ifPresent(events::add);
        return events;
    }

    /**
     * The end of the device's Standard or Advanced plan: the one it is on, or the one that ended and left it on Basic
     * (the last change of its history, or the one before a fall to Basic). A plan's due date is its last UTC day.
     */
    static Optional<LifecycleEvent> planEvent(PlanView plan) {
        List<PlanChange> history = plan.history();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        PlanChange last = history.get(history.size() - 1);
        if (last.plan() == Plan.BASIC && last.reason() == PlanChange.Reason.ENDED && history.size() > 1) {
            last = history.get(history.size() - 2);
        }
        PlanChange paid = last;
        Optional<LifecycleKind> kind = switch (paid.plan()) {
            case STANDARD -> Optional.of(LifecycleKind.STANDARD_PLAN);
            case ADVANCED -> Optional.of(LifecycleKind.ADVANCED_PLAN);
            default -> Optional.empty();
        };
        return kind.flatMap(k -> paid.endsAt().map(end -> new LifecycleEvent(k, dueOn(end))));
    }

    /** The due date of a plan that ends at {@code endsAt}: its last UTC day ({@link DevicePlan#lastDayOf}), as the
     * job's query counts it. */
    public static LocalDate dueOn(Instant endsAt) {
        return DevicePlan.lastDayOf(endsAt);
    }
}
