package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.lifecycle.port.in.LifecycleEventView;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderCommand;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle events of a UPS on its status page (Battery > Replace By, Device > Warranty, the plan), and the
 * customer's reminder of one to their connected reseller. Someone else's device is {@code DEVICE_NOT_FOUND}, as on
 * every device page.
 */
final class LifecycleRoutes {

    private final Optional<HttpApi.DeviceUseCases> useCases;
    private final Blocking blocking;

    LifecycleRoutes(Optional<HttpApi.DeviceUseCases> useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void events(RoutingContext ctx) {
        if (useCases.isEmpty()) {
            Problem.notFound().sendTo(ctx);
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        DeviceCriteria device = new DeviceCriteria(user, ValidatedParameters.path(ctx, "productId"));
        Optional<List<LifecycleEventView>> events = blocking.run(() -> useCases.get().lifecycle().eventsOf(device));
        if (events.isEmpty()) {
            deviceNotFound().sendTo(ctx);
            return;
        }
        JsonArray list = new JsonArray();
        events.get().forEach(event -> list.add(new JsonObject()
                .put("kind", event.kind().slug())
                .put("title", event.title())
                .put("dueOn", event.dueOn().toString())
                .put("past", event.past())
                .put("remindable", event.remindable())));
        RegistrationRoutes.json(ctx, 200, new JsonObject().put("events", list));
    }

    void remind(RoutingContext ctx) {
        if (useCases.isEmpty()) {
            Problem.notFound().sendTo(ctx);
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        SendLifecycleReminderResult result = blocking.run(() -> useCases.get().sendLifecycleReminder().send(
                new SendLifecycleReminderCommand(user, ValidatedParameters.path(ctx, "productId"), ValidatedParameters.path(ctx, "kind"))));
        switch (result) {
            case SendLifecycleReminderResult.Sent sent -> RegistrationRoutes.json(ctx, 202,
                    new JsonObject().put("resellerEmail", sent.resellerEmail()));
            case SendLifecycleReminderResult.NotFound ignored -> deviceNotFound().sendTo(ctx);
            case SendLifecycleReminderResult.NotOwner ignored -> new Problem(ProblemCode.NOT_DEVICE_OWNER,
                    "Only the account owner who registered this UPS can send its reseller a reminder.").sendTo(ctx);
            case SendLifecycleReminderResult.NoConnectedReseller ignored -> new Problem(
                    ProblemCode.NO_CONNECTED_RESELLER,
                    "You have no connected reseller to remind. Invite your reseller on the Reseller page; once they "
                            + "accept, you can send them reminders.").sendTo(ctx);
            case SendLifecycleReminderResult.EventTooOld old -> new Problem(ProblemCode.LIFECYCLE_EVENT_TOO_OLD,
                    "You can only send reminder emails for a lifecycle event if the event occurred less than 90 days "
                            + "ago.",
                    Map.of("occurredOn", old.occurredOn().toString())).sendTo(ctx);
            case SendLifecycleReminderResult.AlreadySentToday ignored -> new Problem(
                    ProblemCode.REMINDER_ALREADY_SENT_TODAY,
                    "A reminder about this lifecycle event was sent to your reseller today. You can send another one "
                            + "tomorrow.").sendTo(ctx);
        }
    }

    private static Problem deviceNotFound() {
        return new Problem(ProblemCode.DEVICE_NOT_FOUND, "There is no UPS with this Product ID in your "
                + "account or your company's.");
    }
}
