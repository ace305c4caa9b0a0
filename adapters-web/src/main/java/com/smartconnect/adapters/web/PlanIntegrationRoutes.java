package com.smartconnect.adapters.web;

import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceLabel;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration endpoint of devices' plans (behind {@link IntegrationAuthentication}): another application (the
 * store, a reseller's system) activates or extends a device's plan, which is in force at once and kept in the
 * history with the integration's name as its source, and reads a device's plan as it is now.
 */
final class PlanIntegrationRoutes {

    static final String PRODUCT_ID = "productId";

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    PlanIntegrationRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void change(RoutingContext ctx) {
        String integration = IntegrationAuthentication.integration(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // The contract types both fields as strings; a missing plan reaches the use case as an empty one, which
        // answers INVALID_PLAN, and the use case decides whether the plan needs an end date.
        ChangePlanCommand command = new ChangePlanCommand(ValidatedParameters.path(ctx, PRODUCT_ID), body.getString("plan", ""),
                Optional.ofNullable(body.getString("endsOn")), integration);
        ChangePlanResult result = blocking.run(() -> useCases.changePlan().change(command));
        switch (result) {
            case ChangePlanResult.Changed changed -> RegistrationRoutes.json(ctx, 200, toJson(changed.plan()));
            case ChangePlanResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case ChangePlanResult.WouldShorten refused -> new Problem(ProblemCode.PLAN_WOULD_SHORTEN,
                    "The device's current plan is higher or runs longer. Plans are activated or extended, not "
                            + "shortened or lowered while they run.",
                    Map.of("current", toJson(refused.current()))).sendTo(ctx);
            case ChangePlanResult.UnknownDevice ignored -> new Problem(ProblemCode.DEVICE_NOT_FOUND,
                    "No SmartConnect device has this Product ID.").sendTo(ctx);
        }
    }

    void get(RoutingContext ctx) {
        IntegrationAuthentication.integration(ctx); // only behind the integration key
        ProductId productId;
        try {
            // Read as a person would type it from the label, as the plan change does.
            productId = DeviceLabel.productId(ValidatedParameters.path(ctx, PRODUCT_ID));
        } catch (DomainViolation invalid) {
            Problem.validationFailed(List.of(new FieldError(PRODUCT_ID, invalid.code(), invalid.getMessage())))
                    .sendTo(ctx);
            return;
        }
        Optional<PlanView> plan = blocking.run(() -> useCases.plans().planOf(productId));
        if (plan.isEmpty()) {
            new Problem(ProblemCode.PLAN_NOT_FOUND,
                    "This device has no plan yet: it was never registered, nor was a plan activated for it.").sendTo(ctx);
            return;
        }
        RegistrationRoutes.json(ctx, 200, toJson(plan.get()));
    }

    static JsonObject toJson(PlanView view) {
        JsonObject json = new JsonObject()
                .put(PRODUCT_ID, view.productId().value())
                .put("plan", view.plan().name());
        view.endsAt().ifPresent(at -> json.put("endsAt", at.toString()));
        JsonArray features = new JsonArray();
        // In the order of the one table of plans, not the set's.
        view.features().stream().sorted(Comparator.naturalOrder()).map(PlanFeature::name).forEach(features::add);
        JsonArray history = new JsonArray();
        view.history().forEach(change -> history.add(toJson(change)));
        return json.put("features", features).put("history", history);
    }

    private static JsonObject toJson(PlanChange change) {
        JsonObject json = new JsonObject()
                .put("plan", change.plan().name())
                .put("changedAt", change.changedAt().toString());
        change.endsAt().ifPresent(at -> json.put("endsAt", at.toString()));
        return json.put("reason", change.reason().name()).put("source", change.source());
    }
}
