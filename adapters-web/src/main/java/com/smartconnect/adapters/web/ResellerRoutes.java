package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.reseller.port.in.CancelResellerInvitationCommand;
import com.smartconnect.application.reseller.port.in.DisconnectResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerResult;
import com.smartconnect.application.reseller.port.in.ResellerChangeResult;
import com.smartconnect.application.reseller.port.in.ResellerInterestCommand;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/**
 * The logged-in customer's Reseller page (behind {@link SessionAuthentication}): the connection as it stands, inviting
 * the one reseller address, cancelling the pending invitation, disconnecting, and "Not interested?". The invite form's
 * refusals of the address are the problem's own {@code code}, as on the co-worker invitation form.
 */
final class ResellerRoutes {

    /** The state of a customer who never invited a reseller. */
    static final String NO_STATE = "none";

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    ResellerRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void get(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        ResellerView view = blocking.run(() -> useCases.reseller().resellerOf(user.accountId()));
        RegistrationRoutes.json(ctx, 200, toJson(view));
    }

    void invite(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // A missing address reaches the use case as an empty one, which answers EMAIL_REQUIRED with the portal's words.
        InviteResellerCommand command = new InviteResellerCommand(user, body.getString("email", ""));
        InviteResellerResult result = blocking.run(() -> useCases.inviteReseller().invite(command));
        switch (result) {
            case InviteResellerResult.Invited invited -> RegistrationRoutes.json(ctx, 201, toJson(invited.reseller()));
            case InviteResellerResult.Invalid invalid -> CoworkerInvitationRoutes.invalidEmail(invalid.errors().get(0))
                    .sendTo(ctx);
            case InviteResellerResult.AlreadyInvited ignored -> new Problem(ProblemCode.RESELLER_ALREADY_INVITED,
                    "Your reseller has already been invited. To invite a different reseller, cancel the pending "
                            + "invitation first.").sendTo(ctx);
            case InviteResellerResult.TooManyInvitations tooMany -> {
                long seconds = RegistrationRoutes.roundedUpSeconds(tooMany.retryAfter());
                ctx.response().putHeader(io.vertx.core.http.HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                new Problem(ProblemCode.TOO_MANY_RESELLER_INVITATIONS,
                        "You have sent " + InviteResellerResult.DAILY_LIMIT + " reseller invitations within a day. "
                                + "Please try again later.",
                        Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
            }
            case InviteResellerResult.AlreadyConnected ignored -> new Problem(ProblemCode.RESELLER_ALREADY_CONNECTED,
                    "You are already connected with a reseller, and you can only add one email address. To switch "
                            + "resellers, disconnect from your reseller first.").sendTo(ctx);
        }
    }

    void cancelInvitation(RoutingContext ctx) {
        CancelResellerInvitationCommand command =
                new CancelResellerInvitationCommand(SessionAuthentication.user(ctx));
        ResellerChangeResult result = blocking.run(() -> useCases.manageReseller().cancelInvitation(command));
        switch (result) {
            case ResellerChangeResult.Changed changed -> RegistrationRoutes.json(ctx, 200, toJson(changed.reseller()));
            case ResellerChangeResult.NothingToChange nothing -> new Problem(
                    ProblemCode.NO_PENDING_RESELLER_INVITATION,
                    "There is no pending invitation to cancel.",
                    Map.of("state", state(nothing.reseller()))).sendTo(ctx);
        }
    }

    void disconnect(RoutingContext ctx) {
        DisconnectResellerCommand command = new DisconnectResellerCommand(SessionAuthentication.user(ctx));
        ResellerChangeResult result = blocking.run(() -> useCases.manageReseller().disconnect(command));
        switch (result) {
            case ResellerChangeResult.Changed changed -> RegistrationRoutes.json(ctx, 200, toJson(changed.reseller()));
            case ResellerChangeResult.NothingToChange nothing -> new Problem(ProblemCode.NO_CONNECTED_RESELLER,
                    "You are not connected with a reseller, so there is nothing to disconnect.",
                    Map.of("state", state(nothing.reseller()))).sendTo(ctx);
        }
    }

    void updateSettings(RoutingContext ctx) {
        // The contract requires the field and types it as a boolean.
        ResellerInterestCommand command = new ResellerInterestCommand(SessionAuthentication.user(ctx),
                ctx.body().asJsonObject().getBoolean("notInterested"));
        ResellerView view = blocking.run(() -> useCases.manageReseller().setNotInterested(command));
        RegistrationRoutes.json(ctx, 200, toJson(view));
    }

    static JsonObject toJson(ResellerView view) {
        JsonObject json = new JsonObject().put("state", state(view));
        view.resellerEmail().ifPresent(email -> json.put("email", email));
        view.invitedAt().ifPresent(at -> json.put("invitedAt", at.toString()));
        view.expiresAt().ifPresent(at -> json.put("expiresAt", at.toString()));
        view.connectedAt().ifPresent(at -> json.put("connectedAt", at.toString()));
        view.endedAt().ifPresent(at -> json.put("endedAt", at.toString()));
        return json.put("notInterested", view.notInterested())
                .put("offerOnDeviceRegistration", view.offerOnDeviceRegistration());
    }

    private static String state(ResellerView view) {
        return view.state().map(ResellerRoutes::name).orElse(NO_STATE);
    }

    static String name(ResellerConnectionState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
