package com.smartconnect.adapters.web;

import com.smartconnect.application.account.port.in.ChangePasswordCommand;
import com.smartconnect.application.account.port.in.ChangePasswordResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.PasswordResetRequestResult;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetCommand;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The password endpoints of the JSON API: "Forgot your password?" and the logged-in change of password. The page
 * that the reset mail links to is {@link com.smartconnect.adapters.web.portal.PasswordResetPages}.
 */
final class PasswordRoutes {

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    PasswordRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void requestReset(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        RequestPasswordResetCommand command = new RequestPasswordResetCommand(body.getString("email"),
                body.getString("captchaToken"), RegistrationRoutes.remoteAddress(ctx));
        PasswordResetRequestResult result = blocking.run(() -> useCases.requestPasswordReset().request(command));
        switch (result) {
            // The same empty answer whether or not the address has an account, so it tells nobody who has one.
            case PasswordResetRequestResult.Accepted ignored -> RegistrationRoutes.json(ctx, 202, new JsonObject());
            case PasswordResetRequestResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case PasswordResetRequestResult.CaptchaFailed ignored -> Problem.captchaFailed().sendTo(ctx);
        }
    }

    void change(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        ChangePasswordCommand command = new ChangePasswordCommand(user, body.getString("currentPassword"),
                body.getString("newPassword"));
        ChangePasswordResult result = blocking.run(() -> useCases.changePassword().change(command));
        switch (result) {
            case ChangePasswordResult.Changed ignored -> ctx.response().setStatusCode(204).end();
            case ChangePasswordResult.CurrentPasswordIncorrect ignored -> new Problem(
                    ProblemCode.CURRENT_PASSWORD_INCORRECT, "The current password is not correct.").sendTo(ctx);
            case ChangePasswordResult.WeakPassword weak -> Problem.validationFailed(weak.errors()).sendTo(ctx);
            case ChangePasswordResult.Throttled throttled -> SessionRoutes.sendPasswordCheckThrottled(ctx, throttled.retryAfter());
        }
    }
}
