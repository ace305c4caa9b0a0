package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.notification.port.in.CreateNotificationCommand;
import com.smartconnect.application.notification.port.in.DeleteNotificationCommand;
import com.smartconnect.application.notification.port.in.EnableNotificationsCommand;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.application.notification.port.in.NotificationInput;
import com.smartconnect.application.notification.port.in.NotificationSettingsView;
import com.smartconnect.application.notification.port.in.UpdateNotificationCommand;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Email Notifications settings of a device (behind {@link SessionAuthentication}): everyone who sees the device
 * reads them, only the account owner who registered it changes them. As on the other device operations, a device the
 * user neither owns nor sees as a co-worker is answered {@code DEVICE_NOT_FOUND}, and a co-worker's change
 * {@code NOT_DEVICE_OWNER}.
 */
final class NotificationRoutes {

    static final String NOT_OWNER = "Only the account owner who registered the UPS can manage its notifications.";

    private final Optional<HttpApi.NotificationUseCases> useCases;
    private final Blocking blocking;

    NotificationRoutes(Optional<HttpApi.NotificationUseCases> useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    private boolean unavailable(RoutingContext ctx) {
        if (useCases.isEmpty()) {
            Problem.notFound().sendTo(ctx);
            return true;
        }
        return false;
    }

    /** {@code GET /api/v1/devices/{productId}/notifications}. */
    void settings(RoutingContext ctx) {
        if (unavailable(ctx)) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        DeviceCriteria device = new DeviceCriteria(user, ValidatedParameters.path(ctx, "productId"));
        blocking.run(() -> useCases.get().settings().settings(device)).ifPresentOrElse(
                settings -> RegistrationRoutes.json(ctx, 200, toJson(settings)),
                () -> DeviceRoutes.deviceNotFound().sendTo(ctx));
    }

    /** {@code POST /api/v1/devices/{productId}/notifications}: 201, the new notification in Location. */
    void create(RoutingContext ctx) {
        if (unavailable(ctx)) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        CreateNotificationCommand command = new CreateNotificationCommand(user,
                ValidatedParameters.path(ctx, "productId"), input(ctx.body().asJsonObject()));
        NotificationChangeResult result = blocking.run(() -> useCases.get().settings().create(command));
        if (result instanceof NotificationChangeResult.Changed changed && changed.created().isPresent()) {
            // A Product ID is letters and digits, a notification id a UUID: neither needs escaping in a path.
            ctx.response().putHeader(HttpHeaders.LOCATION, "/api/v1/devices/" + changed.settings().productId().value()
                    + "/notifications/" + changed.created().get());
            RegistrationRoutes.json(ctx, 201, toJson(changed.settings()));
            return;
        }
        send(ctx, result, 201);
    }

    /** {@code PUT /api/v1/devices/{productId}/notifications/{notificationId}}. */
    void update(RoutingContext ctx) {
        if (unavailable(ctx)) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        UpdateNotificationCommand command = new UpdateNotificationCommand(user,
                ValidatedParameters.path(ctx, "productId"), notificationId(ctx), input(ctx.body().asJsonObject()));
        send(ctx, blocking.run(() -> useCases.get().settings().update(command)), 200);
    }

    /** {@code DELETE /api/v1/devices/{productId}/notifications/{notificationId}}: 204. */
    void delete(RoutingContext ctx) {
        if (unavailable(ctx)) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        DeleteNotificationCommand command = new DeleteNotificationCommand(user,
                ValidatedParameters.path(ctx, "productId"), notificationId(ctx));
        NotificationChangeResult result = blocking.run(() -> useCases.get().settings().delete(command));
        if (result instanceof NotificationChangeResult.Changed) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        send(ctx, result, 200);
    }

    /** {@code POST /api/v1/devices/{productId}/notifications/enable}: ends a disabling by the throttle. */
    void enable(RoutingContext ctx) {
        if (unavailable(ctx)) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        EnableNotificationsCommand command = new EnableNotificationsCommand(user,
                ValidatedParameters.path(ctx, "productId"));
        send(ctx, blocking.run(() -> useCases.get().settings().enable(command)), 200);
    }

    /**
     * The notification the path names; one the contract refused is none, and the empty id names none, so the use case
     * answers it as an unknown one after the device's own refusals (not the caller's, not the owner's).
     */
    private static String notificationId(RoutingContext ctx) {
        return ValidatedParameters.pathBelow(ctx, "notificationId").orElse("");
    }

    private static void send(RoutingContext ctx, NotificationChangeResult result, int changedStatus) {
        switch (result) {
            case NotificationChangeResult.Changed changed ->
                    RegistrationRoutes.json(ctx, changedStatus, toJson(changed.settings()));
            case NotificationChangeResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case NotificationChangeResult.DeviceNotFound ignored -> DeviceRoutes.deviceNotFound().sendTo(ctx);
            case NotificationChangeResult.NotOwner ignored -> notOwner().sendTo(ctx);
            case NotificationChangeResult.NotificationNotFound ignored -> notificationNotFound().sendTo(ctx);
            case NotificationChangeResult.TooMany tooMany -> new Problem(ProblemCode.TOO_MANY_NOTIFICATIONS,
                    "This UPS has " + tooMany.max() + " notifications, as many as it may have. Please change or "
                            + "delete one of them instead.",
                    Map.of("max", tooMany.max())).sendTo(ctx);
        }
    }

    /** The same code as the other device operations' co-worker refusal, worded for notifications. */
    static Problem notOwner() {
        return new Problem(ProblemCode.NOT_DEVICE_OWNER, NOT_OWNER);
    }

    static Problem notificationNotFound() {
        return new Problem(ProblemCode.NOTIFICATION_NOT_FOUND,
                "This UPS has no notification with this id. It may have been deleted; please reload the page.");
    }

    /** The body as the owner filled it in; the contract has checked its shape, the service checks the rest. */
    private static NotificationInput input(JsonObject body) {
        return new NotificationInput(strings(body, "recipients"), strings(body, "severities"),
                strings(body, "eventTypes"), !(body.getValue("email") instanceof Boolean b) || b);
    }

    private static List<String> strings(JsonObject body, String field) {
        List<String> values = new ArrayList<>();
        if (body.getValue(field) instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof String s) {
                    values.add(s);
                }
            });
        }
        return values;
    }

    static JsonObject toJson(NotificationSettingsView view) {
        JsonArray notifications = new JsonArray();
        view.notifications().forEach(n -> notifications.add(toJson(n)));
        return new JsonObject()
                .put("productId", view.productId().value())
                .put("notificationsOn", view.notificationsOn())
                .put("plan", view.plan())
                .put("sentOnPlan", view.sentOnPlan())
                .put("notice", view.notice().orElse(null))
                .put("disabledUntil", view.disabledUntil().map(Object::toString).orElse(null))
                .put("notifications", notifications);
    }

    private static JsonObject toJson(EventNotification n) {
        JsonArray recipients = new JsonArray();
        n.recipients().stream().map(EmailAddress::value).forEach(recipients::add);
        JsonArray severities = new JsonArray();
        // In the enum's order (INFO, WARNING, CRITICAL), as the input names them.
        for (Severity severity : Severity.values()) {
            if (n.severities().contains(severity)) {
                severities.add(severity.name());
            }
        }
        return new JsonObject()
                .put("id", n.id().toString())
                .put("recipients", recipients)
                .put("severities", severities)
                .put("eventTypes", new JsonArray(List.copyOf(n.eventTypes())))
                .put("email", n.email());
    }
}
