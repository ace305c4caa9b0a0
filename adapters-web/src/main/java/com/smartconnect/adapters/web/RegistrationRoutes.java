package com.smartconnect.adapters.web;

import com.smartconnect.application.account.registration.port.in.ResendCodeCommand;
import com.smartconnect.application.account.registration.port.in.ResendResult;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.domain.registration.RegistrationId;
import com.smartconnect.domain.registration.RegistrationStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sign-up endpoints: each turns a request the contract has already validated into a command, calls its use
 * case off the event loop, and maps the sealed result to an answer.
 */
final class RegistrationRoutes {

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    RegistrationRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void signUp(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        SignUpCommand command = new SignUpCommand(
                body.getString("email"),
                body.getString("firstName"),
                body.getString("lastName"),
                body.getString("password"),
                body.getString("country"),
                // Optional since a co-worker with an invitation joins the inviting company; the use case decides.
                Optional.ofNullable(body.getJsonObject("company")).map(RegistrationRoutes::companyInput),
                Optional.ofNullable(body.getString("invitationToken")),
                body.getBoolean("privacyAccepted"),
                body.getBoolean("marketingOptIn", false),
                body.getString("captchaToken"),
                remoteAddress(ctx));
        SignUpResult result = blocking.run(() -> useCases.signUp().signUp(command));
        switch (result) {
            case SignUpResult.Accepted accepted ->
                    json(ctx, 202, new JsonObject().put("registrationId", accepted.registrationId().toString()));
            case SignUpResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case SignUpResult.CaptchaFailed ignored -> Problem.captchaFailed().sendTo(ctx);
            case SignUpResult.TooManySignUps ignored -> new Problem(ProblemCode.TOO_MANY_SIGN_UPS,
                    "This email address was used for too many sign-ups in the last hour. Please try again later.")
                    .sendTo(ctx);
        }
    }

    /** The company page of a request, as sign-up and profile changes both take it. */
    static SignUpCommand.CompanyInput companyInput(JsonObject company) {
        return new SignUpCommand.CompanyInput(
                company.getString("name"),
                company.getString("businessType"),
                Optional.ofNullable(company.getString("areaOfFocus")),
                Optional.ofNullable(company.getString("industrySegment")),
                company.getString("address"),
                company.getString("city"),
                company.getString("zipCode"),
                company.getString("stateProvince"),
                company.getString("country"));
    }

    void verify(RoutingContext ctx) {
        RegistrationId id = registrationId(ctx);
        String code = ctx.body().asJsonObject().getString("code");
        VerificationResult result = blocking.run(() -> useCases.verify().verify(new VerifyRegistrationCommand(id, code)));
        switch (result) {
            case VerificationResult.Verified verified ->
                    json(ctx, 200, new JsonObject().put("accountId", verified.accountId().toString()).put("status", "active")
                            .put("twoFactorOffer", new JsonObject()
                                    .put("message", "Your account is verified. Add an extra layer of security: turn on "
                                            + "two-factor authentication after you log in. It is needed to reboot "
                                            + "your UPS outlet groups remotely.")
                                    .put("enrolmentUrl", "/api/v1/me/two-factor/enrolment")));
            case VerificationResult.MalformedCode ignored -> Problem.invalidCodeFormat().sendTo(ctx);
            case VerificationResult.WrongCode wrong -> Problem.codeIncorrect(wrong.attemptsLeft()).sendTo(ctx);
            case VerificationResult.CodeExpired ignored -> Problem.codeExpired().sendTo(ctx);
            case VerificationResult.TooManyAttempts ignored -> Problem.tooManyAttempts().sendTo(ctx);
            case VerificationResult.AlreadyVerified ignored -> Problem.alreadyVerified().sendTo(ctx);
            case VerificationResult.EmailTaken ignored -> new Problem(ProblemCode.EMAIL_TAKEN,
                    "An account with this email address already exists. Please log in or reset your password.")
                    .sendTo(ctx);
            case VerificationResult.InvitationNoLongerValid ignored -> Problem.invitationExpired().sendTo(ctx);
            case VerificationResult.NotFound ignored -> Problem.registrationNotFound().sendTo(ctx);
        }
    }

    void resend(RoutingContext ctx) {
        RegistrationId id = registrationId(ctx);
        ResendResult result = blocking.run(() -> useCases.resend().resend(new ResendCodeCommand(id)));
        switch (result) {
            case ResendResult.Sent ignored -> json(ctx, 202, new JsonObject());
            case ResendResult.TooSoon tooSoon -> {
                long seconds = roundedUpSeconds(tooSoon.retryAfter());
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                new Problem(ProblemCode.RESEND_TOO_SOON,
                        "A code was sent a moment ago. Please wait " + seconds + " seconds before requesting a new code.",
                        Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
            }
            case ResendResult.LimitReached ignored -> new Problem(ProblemCode.RESEND_LIMIT_REACHED,
                    "No more codes can be sent for this sign-up. Please sign up again.").sendTo(ctx);
            case ResendResult.AlreadyVerified ignored -> Problem.alreadyVerified().sendTo(ctx);
            case ResendResult.NotFound ignored -> Problem.registrationNotFound().sendTo(ctx);
        }
    }

    void status(RoutingContext ctx) {
        RegistrationId id = registrationId(ctx);
        Optional<RegistrationStatus> status = blocking.run(() -> useCases.registrationStatus().statusOf(id));
        status.ifPresentOrElse(
                s -> json(ctx, 200, new JsonObject()
                        .put("registrationId", id.toString())
                        .put("status", s.name().toLowerCase(Locale.ROOT))),
                () -> Problem.registrationNotFound().sendTo(ctx));
    }

    static long roundedUpSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        // A zero would invite an immediate retry that the use case would refuse again.
        return Math.max(1, seconds);
    }

    /** The contract types the id as a UUID in its canonical form; a malformed one is answered before this runs. */
    private static RegistrationId registrationId(RoutingContext ctx) {
        return new RegistrationId(UUID.fromString(ValidatedParameters.path(ctx, "registrationId")));
    }

    static Optional<String> remoteAddress(RoutingContext ctx) {
        SocketAddress address = ctx.request().remoteAddress();
        return address == null ? Optional.empty() : Optional.ofNullable(address.hostAddress());
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }
}
