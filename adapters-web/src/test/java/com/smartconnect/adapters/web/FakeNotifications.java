package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.notification.port.in.CreateNotificationCommand;
import com.smartconnect.application.notification.port.in.DeleteNotificationCommand;
import com.smartconnect.application.notification.port.in.EnableNotificationsCommand;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.application.notification.port.in.NotificationInput;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsView;
import com.smartconnect.application.notification.port.in.UpdateNotificationCommand;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The notification use cases for the web tests, in memory: who sees a device and who owns it is asked of the real
 * device query, so a second account and a co-worker get the answers the real service gives. A test may script the
 * next change's result ({@link #willAnswer}) to see how the API maps it, and reads {@link #calls} to see what the
 * pages asked for.
 */
final class FakeNotifications implements NotificationSettingsUseCase, NotificationLinkUseCase {

    private final RegisteredDevicesQuery devices;
    private final Map<String, List<EventNotification>> notifications = new ConcurrentHashMap<>();
    private final Map<String, Instant> disabledUntil = new ConcurrentHashMap<>();
    private final Map<String, UnsubscribeLink> unsubscribeLinks = new ConcurrentHashMap<>();
    private final Map<String, String> enableLinks = new ConcurrentHashMap<>();
    private volatile NotificationChangeResult scripted;
    volatile ZoneId timeZone = ZoneId.of("Europe/Paris");
    /** Each call, as "method" or "method:argument", in order. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    private record UnsubscribeLink(String productId, NotificationId notificationId, EmailAddress recipient) {
    }

    FakeNotifications(RegisteredDevicesQuery devices) {
        this.devices = devices;
    }

    /** The next change (create, update, delete or enable) answers {@code result} whatever it is. */
    void willAnswer(NotificationChangeResult result) {
        scripted = result;
    }

    /** The device's notifications are disabled by the throttle until {@code until}. */
    void disable(String productId, Instant until) {
        disabledUntil.put(productId, until);
    }

    Optional<Instant> disabledUntil(String productId) {
        return Optional.ofNullable(disabledUntil.get(productId));
    }

    List<EventNotification> notifications(String productId) {
        return List.copyOf(notifications.getOrDefault(productId, List.of()));
    }

    /** A notification of {@code productId} for {@code recipient}, as the owner would create it; its id. */
    NotificationId add(String productId, String recipient) {
        NotificationId id = new NotificationId(UUID.randomUUID());
        notifications.computeIfAbsent(productId, p -> new CopyOnWriteArrayList<>()).add(new EventNotification(id,
                new ProductId(productId), List.of(new EmailAddress(recipient)),
                EnumSet.of(Severity.WARNING, Severity.CRITICAL), new TreeSet<>(), true));
        return id;
    }

    /** The token of the unsubscribe link a mail of this notification to {@code recipient} carries. */
    String unsubscribeToken(String productId, NotificationId notificationId, String recipient) {
        String token = "unsub-" + UUID.randomUUID();
        unsubscribeLinks.put(token, new UnsubscribeLink(productId, notificationId, new EmailAddress(recipient)));
        return token;
    }

    /** The token of the "Enable Notifications" link of the device's alert mail. */
    String enableToken(String productId) {
        String token = "enable-" + UUID.randomUUID();
        enableLinks.put(token, productId);
        return token;
    }

    @Override
    public Optional<NotificationSettingsView> settings(DeviceCriteria device) {
        calls.add("settings:" + device.productId());
        return devices.device(device).map(this::view);
    }

    @Override
    public NotificationChangeResult create(CreateNotificationCommand command) {
        String productId = command.productId();
        NotificationInput input = command.input();
        calls.add("create:" + productId);
        return change(command.user(), productId, device -> {
            List<EventNotification> list = notifications.computeIfAbsent(productId, p -> new CopyOnWriteArrayList<>());
            if (list.size() >= EventNotification.MAX_PER_DEVICE) {
                return new NotificationChangeResult.TooMany(EventNotification.MAX_PER_DEVICE);
            }
            return validated(new NotificationId(UUID.randomUUID()), productId, input).map(n -> {
                list.add(n);
                return (NotificationChangeResult) new NotificationChangeResult.Changed(view(device),
                        Optional.of(n.id()));
            }).orElseGet(() -> invalid(input));
        });
    }

    @Override
    public NotificationChangeResult update(UpdateNotificationCommand command) {
        String productId = command.productId();
        String notificationId = command.notificationId();
        NotificationInput input = command.input();
        calls.add("update:" + productId + "/" + notificationId);
        return change(command.user(), productId, device -> {
            List<EventNotification> list = notifications.getOrDefault(productId, List.of());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().toString().equals(notificationId)) {
                    Optional<EventNotification> saved = validated(list.get(i).id(), productId, input);
                    if (saved.isEmpty()) {
                        return invalid(input);
                    }
                    list.set(i, saved.get());
                    return new NotificationChangeResult.Changed(view(device));
                }
            }
            return new NotificationChangeResult.NotificationNotFound();
        });
    }

    @Override
    public NotificationChangeResult delete(DeleteNotificationCommand command) {
        String productId = command.productId();
        String notificationId = command.notificationId();
        calls.add("delete:" + productId + "/" + notificationId);
        return change(command.user(), productId, device -> {
            List<EventNotification> list = notifications.get(productId);
            boolean removed = list != null && list.removeIf(n -> n.id().toString().equals(notificationId));
            return removed ? new NotificationChangeResult.Changed(view(device))
                    : new NotificationChangeResult.NotificationNotFound();
        });
    }

    @Override
    public NotificationChangeResult enable(EnableNotificationsCommand command) {
        String productId = command.productId();
        calls.add("enable:" + productId);
        return change(command.user(), productId, device -> {
            disabledUntil.remove(productId);
            return new NotificationChangeResult.Changed(view(device));
        });
    }

    @Override
    public Optional<Unsubscription> unsubscription(String token) {
        calls.add("unsubscription");
        return Optional.ofNullable(unsubscribeLinks.get(token)).map(this::unsubscriptionOf);
    }

    @Override
    public Optional<Unsubscription> unsubscribe(String token) {
        calls.add("unsubscribe");
        UnsubscribeLink link = unsubscribeLinks.get(token);
        if (link == null) {
            return Optional.empty();
        }
        List<EventNotification> list = notifications.getOrDefault(link.productId(), List.of());
        list.replaceAll(n -> n.id().equals(link.notificationId()) ? n.without(link.recipient()) : n);
        return Optional.of(unsubscriptionOf(link));
    }

    @Override
    public Optional<Enabling> enabling(String token) {
        calls.add("enabling");
        return Optional.ofNullable(enableLinks.get(token)).map(this::enablingOf);
    }

    @Override
    public Optional<Enabling> enable(String token) {
        calls.add("enableByLink");
        String productId = enableLinks.get(token);
        if (productId == null) {
            return Optional.empty();
        }
        disabledUntil.remove(productId);
        return Optional.of(enablingOf(productId));
    }

    /** The calls of the mail links' use case only. */
    List<String> linkCalls() {
        return calls.stream().filter(c -> Set.of("unsubscription", "unsubscribe", "enabling", "enableByLink")
                .contains(c)).toList();
    }

    private Unsubscription unsubscriptionOf(UnsubscribeLink link) {
        boolean subscribed = notifications.getOrDefault(link.productId(), List.of()).stream()
                .anyMatch(n -> n.id().equals(link.notificationId()) && n.hasRecipient(link.recipient()));
        return new Unsubscription(new com.smartconnect.domain.device.ProductId(link.productId()),
                deviceName(link.productId()), link.recipient().value(), subscribed);
    }

    private Enabling enablingOf(String productId) {
        return new Enabling(new com.smartconnect.domain.device.ProductId(productId), deviceName(productId),
                Optional.ofNullable(disabledUntil.get(productId)), timeZone);
    }

    private static String deviceName(String productId) {
        return "Rack " + productId;
    }

    private interface Change {
        NotificationChangeResult apply(RegisteredDeviceView device);
    }

    private NotificationChangeResult change(AuthenticatedUser user, String productId, Change change) {
        NotificationChangeResult script = scripted;
        if (script != null) {
            scripted = null;
            return script;
        }
        Optional<RegisteredDeviceView> device = devices.device(new DeviceCriteria(user, productId));
        if (device.isEmpty()) {
            return new NotificationChangeResult.DeviceNotFound();
        }
        if (device.get().access() != DeviceAccess.OWNER) {
            return new NotificationChangeResult.NotOwner();
        }
        return change.apply(device.get());
    }

    private static Optional<EventNotification> validated(NotificationId id, String productId, NotificationInput input) {
        try {
            List<EmailAddress> recipients = input.recipients().stream().map(EmailAddress::new).toList();
            Set<Severity> severities = EnumSet.noneOf(Severity.class);
            for (String severity : input.severities()) {
                severities.add(Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT)));
            }
            return Optional.of(new EventNotification(id, new ProductId(productId), recipients, severities,
                    new TreeSet<>(input.eventTypes()), input.email()));
        } catch (DomainViolation | IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static NotificationChangeResult invalid(NotificationInput input) {
        List<FieldError> errors = new ArrayList<>();
        for (String recipient : input.recipients()) {
            try {
                new EmailAddress(recipient);
            } catch (DomainViolation invalid) {
                errors.add(new FieldError("recipients", invalid.code(), invalid.getMessage()));
                break;
            }
        }
        for (String severity : input.severities()) {
            try {
                Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("severities", "INVALID_SEVERITY", "Please choose info, warning or critical."));
                break;
            }
        }
        if (input.severities().isEmpty() && input.eventTypes().isEmpty()) {
            errors.add(new FieldError("severities", EventNotification.NOTHING_SELECTED,
                    "Please choose at least one event type or severity."));
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError("eventTypes", EventNotification.INVALID_EVENT_TYPE,
                    "Event types are written like ON_BATTERY."));
        }
        return new NotificationChangeResult.Invalid(errors);
    }

    private NotificationSettingsView view(RegisteredDeviceView device) {
        String productId = device.productId().value();
        Optional<Instant> until = Optional.ofNullable(disabledUntil.get(productId));
        Optional<String> notice = until.map(at -> "Event Notifications are disabled until " + at + ".");
        return new NotificationSettingsView(device.productId(), device.notifications(),
                device.plan().orElse("FREE_PERIOD"), true, notice, until,
                notifications.getOrDefault(productId, List.of()));
    }

    /** A snapshot, for tests that compare before and after. */
    Map<String, List<EventNotification>> snapshot() {
        Map<String, List<EventNotification>> copy = new LinkedHashMap<>();
        notifications.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
