package com.smartconnect.adapters.web;

import com.smartconnect.application.account.port.in.ConfirmEmailChangeCommand;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeResult;
import com.smartconnect.application.account.port.in.RequestEmailChangeCommand;
import com.smartconnect.application.account.port.in.RequestEmailChangeResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The logged-in change of e-mail address: asked for with the password, which mails a code to the new address, then
 * confirmed with that code. Both sit behind {@link SessionAuthentication}.
 */
final class EmailChangeRoutes {

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    EmailChangeRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void request(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        RequestEmailChangeCommand command = new RequestEmailChangeCommand(user, body.getString("password"),
                body.getString("newEmail"));
        RequestEmailChangeResult result = blocking.run(() -> useCases.requestEmailChange().request(command));
        switch (result) {
            // The same empty answer whether or not the new address has an account, so it tells nobody who has one.
            case RequestEmailChangeResult.CodeSent ignored -> RegistrationRoutes.json(ctx, 202, new JsonObject());
            case RequestEmailChangeResult.PasswordIncorrect ignored -> Problem.passwordIncorrect().sendTo(ctx);
            case RequestEmailChangeResult.Throttled throttled ->
                    SessionRoutes.sendPasswordCheckThrottled(ctx, throttled.retryAfter());
            case RequestEmailChangeResult.Invalid invalid -> Problem.validationFailed(List.of(invalid.error())).sendTo(ctx);
        }
    }

    void confirm(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String code = ctx.body().asJsonObject().getString("code");
        ConfirmEmailChangeResult result = blocking.run(
                () -> useCases.confirmEmailChange().confirm(new ConfirmEmailChangeCommand(user, code)));
        switch (result) {
            case ConfirmEmailChangeResult.Changed changed ->
                    RegistrationRoutes.json(ctx, 200, new JsonObject().put("email", changed.email().value()));
            case ConfirmEmailChangeResult.MalformedCode ignored -> Problem.invalidCodeFormat().sendTo(ctx);
            case ConfirmEmailChangeResult.WrongCode wrong -> Problem.codeIncorrect(wrong.attemptsLeft()).sendTo(ctx);
            case ConfirmEmailChangeResult.CodeExpired ignored -> Problem.codeExpired().sendTo(ctx);
            case ConfirmEmailChangeResult.TooManyAttempts ignored -> Problem.tooManyAttempts().sendTo(ctx);
            case ConfirmEmailChangeResult.NoChangeRequested ignored -> new Problem(
                    ProblemCode.NO_EMAIL_CHANGE_REQUESTED, "No change of email address was requested.").sendTo(ctx);
        }
    }
}
