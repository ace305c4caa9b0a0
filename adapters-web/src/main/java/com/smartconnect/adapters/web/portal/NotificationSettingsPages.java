package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.notification.port.in.CreateNotificationCommand;
import com.smartconnect.application.notification.port.in.DeleteNotificationCommand;
import com.smartconnect.application.notification.port.in.EnableNotificationsCommand;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.application.notification.port.in.NotificationInput;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsView;
import com.smartconnect.application.notification.port.in.UpdateNotificationCommand;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationThrottle;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email Notifications, one tab of a UPS's pages: its notifications with their recipients, severities and event types;
 * the account owner who registered the UPS creates, edits and deletes them (Save Settings), co-workers read them. The
 * page says when nothing is sent (a Basic plan, the profile's switch) and, while the throttle has disabled them, until
 * when, with an Enable Notifications button. Every change goes through {@link NotificationSettingsUseCase}, as the
 * REST API's notification routes do; its refusals come back as the form with the message at the field.
 */
final class NotificationSettingsPages {

    static final String PATH = "/devices/notifications";
    static final String EDIT_PATH = PATH + "/edit";
    static final String DELETE_PATH = PATH + "/delete";
    static final String ENABLE_PATH = PATH + "/enable";
    static final Set<String> PATHS = Set.of(PATH, EDIT_PATH, DELETE_PATH, ENABLE_PATH);

    /** What separates the addresses typed in Recipients: lines, commas, semicolons, spaces. */
    private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[\\s,;]+");
    /** What separates the types typed in Other event types (not spaces: "on battery" is one mistyped type). */
    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[,;\\n\\r]+");
    /** The notes a change leads back to the page with ({@code ?notice=...}). */
    private static final Set<String> NOTICES = Set.of("created", "saved", "deleted", "enabled");
    /** The event types offered as boxes to tick, in the protocol's order. */
    private static final List<String> LISTED_TYPES = Arrays.stream(DeviceEventType.values()).map(Enum::name).toList();

    private final Portal portal;
    private final DeviceLookup lookup;

    NotificationSettingsPages(Portal portal) {
        this.portal = portal;
        this.lookup = new DeviceLookup(portal);
    }

    /** Adds the pages through {@code routes}, as {@link PortalRoutes} mounts every page. */
    void mount(AccountPages.Routes routes) {
        routes.page(HttpMethod.GET, PATH, this::show);
        routes.page(HttpMethod.GET, EDIT_PATH, this::showForm);
        routes.page(HttpMethod.POST, EDIT_PATH, this::save);
        routes.page(HttpMethod.GET, DELETE_PATH, this::confirmDelete);
        routes.page(HttpMethod.POST, DELETE_PATH, this::delete);
        routes.page(HttpMethod.POST, ENABLE_PATH, this::enable);
    }

    /** The UPS as the visitor sees it, and its notification settings. */
    private record Seen(DeviceLookup.Found found, NotificationSettingsView settings) {

        RegisteredDeviceView device() {
            return found.device();
        }

        String productId() {
            return found.device().productId().value();
        }

        Optional<EventNotification> notification(String id) {
            return settings.notifications().stream().filter(n -> n.id().toString().equals(id)).findFirst();
        }
    }

    /** {@code GET /devices/notifications?productId=...[&notice=...]}: the notifications of one UPS. */
    void show(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        Optional<Seen> seen = seen(ctx, productId, PATH + "?productId=" + encode(productId), false);
        if (seen.isEmpty()) {
            return;
        }
        NotificationSettingsView settings = seen.get().settings();
        RegisteredDeviceView device = seen.get().device();
        boolean owner = seen.get().found().owner();
        String id = seen.get().productId();
        Page page = lookup.withTabs(Page.of("device-notifications", "notifications.title"), device,
                DeviceLookup.Tab.NOTIFICATIONS);
        List<Map<String, Object>> notifications = new ArrayList<>();
        for (int i = 0; i < settings.notifications().size(); i++) {
            notifications.add(summary(settings.notifications().get(i), i + 1, id));
        }
        page.value("notifications", notifications)
                .value("none", notifications.isEmpty())
                .value("planNotice", !settings.sentOnPlan())
                .value("planText", portal.messages.format("notifications.plan.text",
                        portal.messages.find("plan." + settings.plan()).orElse(settings.plan())))
                .value("switchedOff", settings.sentOnPlan() && !settings.notificationsOn())
                .value("profileHref", "/devices/profile?productId=" + id)
                .value("eventsHref", DeviceLookup.Tab.EVENTS.path + "?productId=" + id)
                .value("createHref", EDIT_PATH + "?productId=" + id)
                .value("canCreate", owner && settings.notifications().size() < EventNotification.MAX_PER_DEVICE)
                .value("full", owner && settings.notifications().size() >= EventNotification.MAX_PER_DEVICE)
                .value("fullText", portal.messages.format("notifications.full", EventNotification.MAX_PER_DEVICE))
                .value("throttleNote", portal.messages.format("notifications.throttleNote",
                        NotificationThrottle.MAX_IN_WINDOW, NotificationThrottle.WINDOW.toMinutes(),
                        NotificationThrottle.DISABLED_FOR.toDays()));
        settings.disabledUntil().ifPresent(until -> page.value("disabled", true)
                .value("disabledText", portal.messages.format("notifications.disabled.text",
                        NotificationPages.until(until, device.timeZone()), NotificationThrottle.MAX_IN_WINDOW,
                        NotificationThrottle.WINDOW.toMinutes())));
        String notice = ctx.queryParams().get("notice");
        if (notice != null && NOTICES.contains(notice)) {
            page.notice(portal.messages.get("notifications.notice." + notice));
        }
        portal.send(ctx, page);
    }

    /** {@code GET /devices/notifications/edit?productId=...[&notification=...]}: a new notification, or one to edit. */
    void showForm(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String notificationId = Optional.ofNullable(ctx.queryParams().get("notification")).orElse("");
        Optional<Seen> seen = seen(ctx, productId, EDIT_PATH + "?productId=" + encode(productId)
                + (notificationId.isEmpty() ? "" : "&notification=" + encode(notificationId)), true);
        if (seen.isEmpty()) {
            return;
        }
        if (notificationId.isEmpty()) {
            portal.send(ctx, form(seen.get(), "", "", List.of(Severity.WARNING.name(), Severity.CRITICAL.name()),
                    List.of(), "", true));
            return;
        }
        Optional<EventNotification> notification = seen.get().notification(notificationId);
        if (notification.isEmpty()) {
            gone(ctx, seen.get().productId());
            return;
        }
        EventNotification n = notification.get();
        portal.send(ctx, form(seen.get(), notificationId,
                String.join("\n", n.recipients().stream().map(EmailAddress::value).toList()),
                n.severities().stream().map(Enum::name).toList(),
                n.eventTypes().stream().filter(LISTED_TYPES::contains).toList(),
                String.join(", ", n.eventTypes().stream().filter(type -> !LISTED_TYPES.contains(type)).toList()),
                n.email()));
    }

    /** {@code POST /devices/notifications/edit}: Save Settings, of a new notification or of the one the form names. */
    void save(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<Seen> seen = changing(ctx, form);
        if (seen.isEmpty()) {
            return;
        }
        String notificationId = form.get("notification");
        List<String> recipients = split(ADDRESS_SEPARATORS, form.get("recipients"));
        List<String> listed = form.all("eventTypes");
        List<String> eventTypes = new ArrayList<>(listed);
        eventTypes.addAll(split(TYPE_SEPARATORS, form.get("otherTypes")));
        List<String> severities = form.all("severities");
        boolean email = form.has("email");
        NotificationInput input = new NotificationInput(recipients, severities, eventTypes, email);
        NotificationSettingsUseCase settings = portal.notificationUseCases.orElseThrow().settings();
        Seen found = seen.get();
        NotificationChangeResult result = portal.blocking.run(() -> notificationId.isEmpty()
                ? settings.create(new CreateNotificationCommand(found.found().user(), found.productId(), input))
                : settings.update(new UpdateNotificationCommand(found.found().user(), found.productId(),
                        notificationId, input)));
        Page page = form(found, notificationId, form.get("recipients"), severities, listed, form.get("otherTypes"),
                email);
        switch (result) {
            case NotificationChangeResult.Changed ignored -> Portal.redirect(ctx, PATH + "?productId="
                    + found.productId() + "&notice=" + (notificationId.isEmpty() ? "created" : "saved"));
            case NotificationChangeResult.Invalid invalid -> {
                // Every mistyped address is named at Recipients, not only the first.
                Map<String, List<String>> messages = new LinkedHashMap<>();
                invalid.errors().forEach(error -> messages.computeIfAbsent(formField(error), field -> new ArrayList<>())
                        .add(message(error, recipients)));
                messages.forEach((field, texts) -> page.error(field, String.join(" ", texts)));
                portal.send(ctx, page.status(400));
            }
            case NotificationChangeResult.TooMany tooMany ->
                    portal.send(ctx, page.status(409).alert(portal.messages.format("notifications.tooMany",
                            tooMany.max())));
            case NotificationChangeResult.NotificationNotFound ignored -> gone(ctx, found.productId());
            case NotificationChangeResult.DeviceNotFound ignored -> lookup.notFound(ctx);
            case NotificationChangeResult.NotOwner ignored -> lookup.notOwner(ctx);
        }
    }

    /** {@code GET /devices/notifications/delete?productId=...&notification=...}: asks before deleting. */
    void confirmDelete(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String notificationId = Optional.ofNullable(ctx.queryParams().get("notification")).orElse("");
        Optional<Seen> seen = seen(ctx, productId, DELETE_PATH + "?productId=" + encode(productId)
                + "&notification=" + encode(notificationId), true);
        if (seen.isEmpty()) {
            return;
        }
        Optional<EventNotification> notification = seen.get().notification(notificationId);
        if (notification.isEmpty()) {
            gone(ctx, seen.get().productId());
            return;
        }
        int index = seen.get().settings().notifications().indexOf(notification.get()) + 1;
        portal.send(ctx, lookup.withTabs(Page.of("device-notification-delete", "notifications.delete.title"),
                        seen.get().device(), DeviceLookup.Tab.NOTIFICATIONS)
                .value("notification", summary(notification.get(), index, seen.get().productId()))
                .value("backHref", PATH + "?productId=" + seen.get().productId()));
    }

    /** {@code POST /devices/notifications/delete}: Delete, after the question. */
    void delete(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<Seen> seen = changing(ctx, form);
        if (seen.isEmpty()) {
            return;
        }
        Seen found = seen.get();
        NotificationChangeResult result = portal.blocking.run(() -> portal.notificationUseCases.orElseThrow()
                .settings().delete(new DeleteNotificationCommand(found.found().user(), found.productId(),
                        form.get("notification"))));
        answerChange(ctx, found, result, "deleted");
    }

    /** {@code POST /devices/notifications/enable}: Enable Notifications, ending the throttle's disabling now. */
    void enable(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<Seen> seen = changing(ctx, form);
        if (seen.isEmpty()) {
            return;
        }
        Seen found = seen.get();
        NotificationChangeResult result = portal.blocking.run(() -> portal.notificationUseCases.orElseThrow()
                .settings().enable(new EnableNotificationsCommand(found.found().user(), found.productId())));
        answerChange(ctx, found, result, "enabled");
    }

    /** A delete's or enable's answer: back to the page with a note, or the refusal's page. */
    private void answerChange(RoutingContext ctx, Seen seen, NotificationChangeResult result, String notice) {
        switch (result) {
            case NotificationChangeResult.Changed ignored ->
                    Portal.redirect(ctx, PATH + "?productId=" + seen.productId() + "&notice=" + notice);
            case NotificationChangeResult.NotificationNotFound ignored -> gone(ctx, seen.productId());
            case NotificationChangeResult.NotOwner ignored -> lookup.notOwner(ctx);
            // Neither a delete nor an enable has input or adds anything; answered as "not found" should that change.
            case NotificationChangeResult.DeviceNotFound ignored -> lookup.notFound(ctx);
            case NotificationChangeResult.Invalid ignored -> lookup.notFound(ctx);
            case NotificationChangeResult.TooMany ignored -> lookup.notFound(ctx);
        }
    }

    /**
     * The UPS and its settings; empty once the answer is sent (the login page to come back to {@code returnTo}, a 404
     * page, or a 403 page for a co-worker when {@code ownerOnly}).
     */
    /**
     * The owner's UPS a post changes, once its form's token is checked; empty once the refusal (403 page, login, 404)
     * is sent.
     */
    private Optional<Seen> changing(RoutingContext ctx, Form form) {
        if (!portal.csrfChecked(ctx, form)) {
            return Optional.empty();
        }
        String productId = form.get("productId");
        return seen(ctx, productId, PATH + "?productId=" + encode(productId), true);
    }

    private Optional<Seen> seen(RoutingContext ctx, String productId, String returnTo, boolean ownerOnly) {
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, returnTo, ownerOnly);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (portal.notificationUseCases.isEmpty()) {
            lookup.notFound(ctx);
            return Optional.empty();
        }
        HttpApi.NotificationUseCases useCases = portal.notificationUseCases.get();
        Optional<NotificationSettingsView> settings = portal.blocking.run(() -> useCases.settings()
                .settings(new DeviceCriteria(found.get().user(), found.get().device().productId().value())));
        if (settings.isEmpty()) {
            lookup.notFound(ctx);
            return Optional.empty();
        }
        return Optional.of(new Seen(found.get(), settings.get()));
    }

    /** The form of one notification, filled with {@code recipients} (as typed) and the boxes ticked. */
    private Page form(Seen seen, String notificationId, String recipients, List<String> severities,
            List<String> listedTypes, String otherTypes, boolean email) {
        String id = seen.productId();
        List<Map<String, Object>> severityBoxes = Arrays.stream(Severity.values()).map(severity -> box(
                "severity-" + severity.name().toLowerCase(Locale.ROOT), severity.name(),
                portal.messages.get("notifications.severity." + severity.name()), severities.contains(severity.name())))
                .toList();
        List<Map<String, Object>> typeBoxes = LISTED_TYPES.stream().map(type -> box(
                "type-" + type.toLowerCase(Locale.ROOT).replace('_', '-'), type, typeName(type),
                listedTypes.contains(type))).toList();
        return lookup.withTabs(Page.of("device-notification-form",
                        notificationId.isEmpty() ? "notifications.create.title" : "notifications.edit.title"),
                        seen.device(), DeviceLookup.Tab.NOTIFICATIONS)
                .value("notificationId", notificationId)
                .value("creating", notificationId.isEmpty())
                .value("severityBoxes", severityBoxes)
                .value("typeBoxes", typeBoxes)
                .value("email", email)
                .value("recipientsHint", portal.messages.format("notifications.recipientsHint",
                        EventNotification.MAX_RECIPIENTS))
                .value("backHref", PATH + "?productId=" + id)
                .field("recipients", recipients)
                .field("otherTypes", otherTypes);
    }

    private static Map<String, Object> box(String id, String value, String label, boolean checked) {
        return Map.of("id", id, "value", value, "label", label, "checked", checked);
    }

    /** One notification as the list and the delete question show it. */
    private Map<String, Object> summary(EventNotification notification, int index, String productId) {
        String query = "?productId=" + productId + "&notification=" + notification.id();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("heading", portal.messages.format("notifications.item", index));
        summary.put("id", notification.id().toString());
        summary.put("recipients", notification.recipients().stream().map(EmailAddress::value).toList());
        summary.put("noRecipients", notification.recipients().isEmpty());
        List<String> severities = Arrays.stream(Severity.values()).filter(notification.severities()::contains)
                .map(severity -> portal.messages.get("notifications.severity." + severity.name())).toList();
        summary.put("severities", severities.isEmpty() ? portal.messages.get("notifications.none.severities")
                : String.join(", ", severities));
        // The protocol's types in the order of the form's boxes, then any other type the notification names.
        List<String> types = java.util.stream.Stream.concat(LISTED_TYPES.stream().filter(notification.eventTypes()::contains),
                notification.eventTypes().stream().filter(type -> !LISTED_TYPES.contains(type))).map(this::typeName)
                .toList();
        summary.put("eventTypes", types.isEmpty() ? portal.messages.get("notifications.none.eventTypes")
                : String.join(", ", types));
        summary.put("email", portal.messages.get(notification.email() ? "notifications.email.on"
                : "notifications.email.off"));
        summary.put("editHref", EDIT_PATH + query);
        summary.put("deleteHref", DELETE_PATH + query);
        return summary;
    }

    /** An event type in words: the bundle's name for a type of the protocol, the code itself otherwise. */
    private String typeName(String type) {
        return portal.messages.find("notifications.type." + type).orElse(type);
    }

    /** The form's field a use case's field error is shown at: {@code recipients[2]} at Recipients. */
    private static String formField(FieldError error) {
        String field = error.field();
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    /** A field error in the bundle's words; a recipient's names the address as typed. */
    private String message(FieldError error, List<String> recipients) {
        String text = switch (error.code()) {
            case EventNotification.TOO_MANY_RECIPIENTS ->
                    portal.messages.format("error.TOO_MANY_RECIPIENTS", EventNotification.MAX_RECIPIENTS);
            case EventNotification.INVALID_EVENT_TYPE ->
                    portal.messages.format("error.INVALID_EVENT_TYPE", EventNotification.MAX_EVENT_TYPES);
            default -> portal.message(error);
        };
        if (error.field().startsWith("recipients[")) {
            try {
                int index = Integer.parseInt(error.field().substring("recipients[".length(), error.field().length() - 1));
                return portal.messages.format("notifications.recipientError", recipients.get(index), text);
            } catch (NumberFormatException | IndexOutOfBoundsException notAnIndex) {
                return text;
            }
        }
        return text;
    }

    /** A notification that is not (or no longer) one of this UPS's: a 404 page that leads back to the list. */
    private void gone(RoutingContext ctx, String productId) {
        portal.send(ctx, portal.messagePage(404, "notifications.gone.heading", "notifications.gone.text",
                PATH + "?productId=" + productId, "notifications.back"));
    }

    private static List<String> split(Pattern separators, String typed) {
        return Arrays.stream(separators.split(typed)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
