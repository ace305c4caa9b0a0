package com.smartconnect.adapters.web;

import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationCommand;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationResult;
import com.smartconnect.application.account.invitation.port.in.InvitationLookup;
import com.smartconnect.application.account.invitation.port.in.InvitationView;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Co-worker invitations: a member of a company invites, lists and withdraws the company's invitations (behind
 * {@link SessionAuthentication}), and the registration page asks, without a login, what an invitation link offers.
 * The portal's invite form shows its refusals of the address on their own, so they are the problem's {@code code}
 * itself ({@code EMAIL_REQUIRED}, {@code INVALID_EMAIL}) rather than a {@code VALIDATION_FAILED} list.
 */
final class CoworkerInvitationRoutes {

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    CoworkerInvitationRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void invite(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // A missing address reaches the use case as an empty one, which answers EMAIL_REQUIRED with the portal's words.
        InviteCoworkerCommand command = new InviteCoworkerCommand(user, body.getString("email", ""));
        InviteCoworkerResult result = blocking.run(() -> useCases.inviteCoworker().invite(command));
        switch (result) {
            case InviteCoworkerResult.Invited invited -> RegistrationRoutes.json(ctx, 201, toJson(invited.invitation())
                    .put("title", "Invitation Sent")
                    .put("message", "Your invitation was sent."));
            case InviteCoworkerResult.Invalid invalid -> invalidEmail(invalid.error()).sendTo(ctx);
            case InviteCoworkerResult.AlreadyInvited ignored -> new Problem(ProblemCode.ALREADY_INVITED,
                    "This co-worker has already been invited to the portal. Please invite another co-worker.")
                    .sendTo(ctx);
        }
    }

    void list(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        List<InvitationView> invitations = blocking.run(() -> useCases.coworkerInvitations().invitationsOf(user));
        JsonArray list = new JsonArray();
        invitations.forEach(invitation -> list.add(toJson(invitation)));
        RegistrationRoutes.json(ctx, 200, new JsonObject().put("invitations", list));
    }

    void cancel(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        // The contract types the id as a UUID; a malformed one is answered as unknown before this runs.
        UUID id = UUID.fromString(ValidatedParameters.path(ctx, "invitationId"));
        CancelCoworkerInvitationCommand command = new CancelCoworkerInvitationCommand(user, id);
        CancelCoworkerInvitationResult result = blocking.run(() -> useCases.cancelCoworkerInvitation().cancel(command));
        switch (result) {
            case CancelCoworkerInvitationResult.Cancelled ignored -> ctx.response().setStatusCode(204).end();
            case CancelCoworkerInvitationResult.NotFound ignored -> Problem.invitationNotFound().sendTo(ctx);
            case CancelCoworkerInvitationResult.NotPending ignored -> new Problem(ProblemCode.INVITATION_NOT_PENDING,
                    "This invitation was already used, cancelled or has expired.").sendTo(ctx);
        }
    }

    void lookUp(RoutingContext ctx) {
        String token = ValidatedParameters.path(ctx, "token");
        InvitationLookup result = blocking.run(() -> useCases.invitationLookup().lookup(token));
        switch (result) {
            case InvitationLookup.Open open -> RegistrationRoutes.json(ctx, 200, new JsonObject()
                    .put("email", open.email().value())
                    .put("companyName", open.companyName())
                    .put("expiresAt", open.expiresAt().toString()));
            case InvitationLookup.NoLongerValid ignored -> Problem.invitationExpired().sendTo(ctx);
        }
    }

    /**
     * A failure handler for the invite operations (co-worker and reseller), ahead of {@link ProblemFailureHandler}: an
     * address the contract refused (such as a number) is answered like one the use case refused, with
     * {@code INVALID_EMAIL} as the code.
     */
    void refusedByContract(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpException http && http.getCause() != null) {
            failure = http.getCause();
        }
        if (!ctx.response().ended() && failure instanceof SchemaValidationException schema
                && !SchemaFieldErrors.bodyIsNotAnObject(schema.getOutputUnit())) {
            List<FieldError> errors = SchemaFieldErrors.of(schema.getOutputUnit());
            if (errors.size() == 1 && errors.get(0).field().equals("email")) {
                invalidEmail(errors.get(0)).sendTo(ctx);
                return;
            }
        }
        ctx.next();
    }

    /** The problem of an address the invite form refused: its code is the problem's, its message the detail. */
    static Problem invalidEmail(FieldError error) {
        // A code outside the catalogue would be a new refusal of the use case: still answered, as a field error.
        return ProblemCode.find(error.code()).filter(code -> code.statuses().contains(400))
                .map(code -> new Problem(code, error.message()))
                .orElseGet(() -> Problem.validationFailed(List.of(error)));
    }

    private static JsonObject toJson(InvitationView invitation) {
        return new JsonObject()
                .put("id", invitation.id().toString())
                .put("email", invitation.email().value())
                .put("status", invitation.status().name().toLowerCase(Locale.ROOT))
                .put("createdAt", invitation.createdAt().toString())
                .put("expiresAt", invitation.expiresAt().toString());
    }
}
