package com.smartconnect.application.notification;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.DeviceAccessRules;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.notification.port.in.CreateNotificationCommand;
import com.smartconnect.application.notification.port.in.DeleteNotificationCommand;
import com.smartconnect.application.notification.port.in.EnableNotificationsCommand;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.application.notification.port.in.NotificationInput;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsView;
import com.smartconnect.application.notification.port.in.UpdateNotificationCommand;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.application.plan.port.in.PlanFeatureCriteria;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import com.smartconnect.domain.notification.NotificationThrottle;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The Email Notifications settings of a device. Everyone who sees the device reads them; only the account owner who
 * registered the UPS creates, saves and deletes notifications (a co-worker is refused). Settings are kept whatever
 * the plan; on a plan without e-mail event notifications they say that nothing is sent.
 */
public final class NotificationSettingsService implements NotificationSettingsUseCase {

    public static final String NOT_SENT_ON_PLAN = "No Event Notification is sent on Basic Monitoring: check that your "
            + "device is on a Standard or Advanced plan. Your settings are kept.";
    public static final String SWITCHED_OFF = "Notifications are turned off in the UPS profile: turn them on there to "
            + "receive Event Notifications.";
    public static final String INVALID_SEVERITY = "INVALID_SEVERITY";
    public static final String RECIPIENT_REQUIRED = "RECIPIENT_REQUIRED";

    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final EventNotificationRepository notifications;
    private final NotificationThrottleRepository throttles;
    private final PlanQuery plans;
    private final DeviceAccessRules rules;

    @Inject
    public NotificationSettingsService(Clock clock, RandomSource random, Transactions transactions,
            AccountRepository accounts, DeviceRegistrationRepository registrations, DeviceCatalog catalog,
            DeviceStateRepository states, PlanQuery plans, EventNotificationRepository notifications,
            NotificationThrottleRepository throttles) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.notifications = notifications;
        this.throttles = throttles;
        this.plans = plans;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
    }

    @Override
    public Optional<NotificationSettingsView> settings(DeviceCriteria device) {
        return rules.visible(device.user(), device.productId()).map(visible -> view(visible.registration()));
    }

    @Override
    public NotificationChangeResult create(CreateNotificationCommand command) {
        NotificationId id = new NotificationId(random.uuid());
        NotificationChangeResult result = change(command.user(), command.productId(), registration -> {
            List<FieldError> errors = new ArrayList<>();
            Optional<EventNotification> created = parse(id, registration.productId(), command.input(), errors);
            if (created.isEmpty()) {
                return new NotificationChangeResult.Invalid(errors);
            }
            return transactions.inTransaction(() -> {
                if (notifications.lockOfDevice(registration.productId()).size() >= EventNotification.MAX_PER_DEVICE) {
                    return new NotificationChangeResult.TooMany(EventNotification.MAX_PER_DEVICE);
                }
                notifications.add(created.get());
                return null;
            });
        });
        return result instanceof NotificationChangeResult.Changed changed
                ? new NotificationChangeResult.Changed(changed.settings(), Optional.of(id))
                : result;
    }

    @Override
    public NotificationChangeResult update(UpdateNotificationCommand command) {
        return change(command.user(), command.productId(), registration -> {
            Optional<NotificationId> id = notificationOf(registration.productId(), command.notificationId());
            if (id.isEmpty()) {
                return new NotificationChangeResult.NotificationNotFound();
            }
            List<FieldError> errors = new ArrayList<>();
            Optional<EventNotification> saved = parse(id.get(), registration.productId(), command.input(), errors);
            if (saved.isEmpty()) {
                return new NotificationChangeResult.Invalid(errors);
            }
            boolean updated = transactions.inTransaction(() -> {
                notifications.lockOfDevice(registration.productId());
                return notifications.update(saved.get());
            });
            return updated ? null : new NotificationChangeResult.NotificationNotFound();
        });
    }

    @Override
    public NotificationChangeResult delete(DeleteNotificationCommand command) {
        return change(command.user(), command.productId(), registration -> {
            Optional<NotificationId> id = notificationOf(registration.productId(), command.notificationId());
            boolean removed = id.isPresent() && transactions.inTransaction(() -> notifications.remove(id.get()));
            return removed ? null : new NotificationChangeResult.NotificationNotFound();
        });
    }

    @Override
    public NotificationChangeResult enable(EnableNotificationsCommand command) {
        return change(command.user(), command.productId(), registration -> transactions.inTransaction(() -> {
            ProductId id = registration.productId();
            NotificationThrottle throttle = throttles.lock(List.of(id)).getOrDefault(id, NotificationThrottle.FRESH);
            if (throttle.disabledUntil().isPresent()) {
                throttles.saveAll(Map.of(id, throttle.enabled()));
            }
            return null;
        }));
    }

    /** A change by the device's owner: {@code action} answers null when it is done, or the refusal. */
    private NotificationChangeResult change(AuthenticatedUser user, String productId,
            java.util.function.Function<DeviceRegistration, NotificationChangeResult> action) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(user, productId);
        if (visible.isEmpty()) {
            return new NotificationChangeResult.DeviceNotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new NotificationChangeResult.NotOwner();
        }
        DeviceRegistration seen = visible.get().registration();
        return transactions.inTransaction(() -> {
            // The registration locked and checked again: unregistering the device waits until this change is made,
            // and a change that raced with unregistering it (and maybe registering it to another account) finds it
            // gone rather than adding a notification to someone else's device.
            Optional<DeviceRegistration> locked = rules.lockIfStillOwned(seen);
            if (locked.isEmpty()) {
                return new NotificationChangeResult.DeviceNotFound();
            }
            NotificationChangeResult refusal = action.apply(locked.get());
            return refusal != null ? refusal : new NotificationChangeResult.Changed(view(locked.get()));
        });
    }

    private Optional<NotificationId> notificationOf(ProductId productId, String notificationId) {
        try {
            NotificationId id = new NotificationId(UUID.fromString(notificationId));
            return notifications.find(id).filter(n -> n.productId().equals(productId)).map(EventNotification::id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }

    private NotificationSettingsView view(DeviceRegistration registration) {
        Instant now = clock.instant();
        ProductId productId = registration.productId();
        Plan plan = plans.planOf(productId).map(p -> p.plan()).orElse(Plan.BASIC);
        boolean sentOnPlan = plans.includes(new PlanFeatureCriteria(productId, PlanFeature.EMAIL_EVENT_NOTIFICATIONS));
        Optional<Instant> disabledUntil = throttles.disabledUntil(productId, now);
        Optional<String> notice;
        if (!sentOnPlan) {
            notice = Optional.of(NOT_SENT_ON_PLAN);
        } else if (!registration.notifications()) {
            notice = Optional.of(SWITCHED_OFF);
        } else {
            notice = disabledUntil.map(until -> "Event Notifications are disabled until "
                    + EventNotificationDelivery.WHEN.format(until.atZone(registration.timeZone())) + " ("
                    + registration.timeZone().getId() + ") because this "
                    + "device generated over " + NotificationThrottle.MAX_IN_WINDOW + " notifications within "
                    + NotificationThrottle.WINDOW.toMinutes() + " minutes. All events are still logged in the Event "
                    + "Log: consult it and resolve the issue(s), or enable the notifications again now.");
        }
        return new NotificationSettingsView(productId, registration.notifications(), plan.name(), sentOnPlan, notice,
                disabledUntil, notifications.ofDevice(productId));
    }

    /** The notification the input describes, or empty with the errors added. */
    static Optional<EventNotification> parse(NotificationId id, ProductId productId, NotificationInput input,
            List<FieldError> errors) {
        List<EmailAddress> recipients = new ArrayList<>();
        for (int i = 0; i < input.recipients().size(); i++) {
            try {
                recipients.add(new EmailAddress(input.recipients().get(i)));
            } catch (DomainViolation invalid) {
                errors.add(new FieldError("recipients[" + i + "]", invalid.code(), invalid.getMessage()));
            }
        }
        if (input.recipients().isEmpty()) {
            errors.add(new FieldError("recipients", RECIPIENT_REQUIRED, "Please enter email address"));
        }
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (int i = 0; i < input.severities().size(); i++) {
            String given = input.severities().get(i);
            try {
                severities.add(Severity.valueOf(given == null ? "" : given.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("severities[" + i + "]", INVALID_SEVERITY,
                        "Please choose INFO, WARNING or CRITICAL."));
            }
        }
        TreeSet<String> types = new TreeSet<>();
        input.eventTypes().forEach(type -> types.add(type == null ? "" : type.strip().toUpperCase(Locale.ROOT)));
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventNotification(id, productId, recipients, severities, types, input.email()));
        } catch (DomainViolation invalid) {
            String field = switch (invalid.code()) {
                case EventNotification.TOO_MANY_RECIPIENTS -> "recipients";
                case EventNotification.NOTHING_SELECTED -> "severities";
                default -> "eventTypes";
            };
            errors.add(new FieldError(field, invalid.code(), invalid.getMessage()));
            return Optional.empty();
        }
    }
}
