package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorCommand;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * The logged-in person's two-factor authentication: what it is, turning it on (start, QR code, confirmation with the
 * first code), a code by e-mail to confirm turning it off or deleting the account, and turning it off. All sit behind
 * {@link SessionAuthentication}; the two steps of a login with it are in {@link SessionRoutes}.
 */
final class TwoFactorRoutes {

    /** Where the QR code of a pending authenticator-app enrolment is served. */
    static final String QR_CODE_PATH = "/api/v1/me/two-factor/enrolment/qr-code";

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;

    TwoFactorRoutes(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    void status(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        TwoFactorStatus status = blocking.run(() -> useCases.twoFactor().statusOf(user.accountId()));
        JsonObject json = summary(status).put("recoveryCodesLeft", status.recoveryCodesLeft());
        status.pendingEnrolment().ifPresent(pending -> json.put("pendingEnrolment", new JsonObject()
                .put("method", pending.method().name())
                .put("expiresAt", pending.expiresAt().toString())));
        RegistrationRoutes.json(ctx, 200, json);
    }

    void startEnrolment(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        // The contract allows only the method names, so the name is one of them here.
        TwoFactorMethod method = TwoFactorMethod.valueOf(ctx.body().asJsonObject().getString("method"));
        StartTwoFactorEnrolmentResult result = blocking.run(
                () -> useCases.startTwoFactorEnrolment().start(new StartTwoFactorEnrolmentCommand(user, method)));
        switch (result) {
            case StartTwoFactorEnrolmentResult.AuthenticatorSecret secret -> RegistrationRoutes.json(ctx, 201,
                    new JsonObject()
                            .put("method", TwoFactorMethod.TOTP.name())
                            .put("secret", secret.secret())
                            .put("otpauthUri", secret.otpauthUri())
                            .put("qrCodeUrl", QR_CODE_PATH)
                            .put("expiresAt", secret.expiresAt().toString()));
            case StartTwoFactorEnrolmentResult.CodeMailed mailed -> RegistrationRoutes.json(ctx, 201, new JsonObject()
                    .put("method", TwoFactorMethod.EMAIL.name())
                    .put("expiresAt", mailed.expiresAt().toString()));
            case StartTwoFactorEnrolmentResult.AlreadyOn ignored -> new Problem(ProblemCode.TWO_FACTOR_ALREADY_ON,
                    "Two-factor authentication is already on. To change the method, turn it off first.").sendTo(ctx);
        }
    }

    /** The QR code that an authenticator app scans to add the account: a PNG of the pending enrolment's URI. */
    void qrCode(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        Optional<byte[]> png = blocking.run(
                () -> useCases.twoFactor().pendingOtpauthUri(user.accountId()).map(QrCodePng::of));
        if (png.isEmpty()) {
            Problem.noTwoFactorEnrolment().sendTo(ctx);
            return;
        }
        // The image carries the secret: no cache may keep it (SecurityHeaders says so too, for every answer).
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "image/png")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(png.get()));
    }

    void confirmEnrolment(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String code = ctx.body().asJsonObject().getString("code");
        ConfirmTwoFactorEnrolmentResult result = blocking.run(() -> useCases.confirmTwoFactorEnrolment()
                .confirm(new ConfirmTwoFactorEnrolmentCommand(user, code)));
        switch (result) {
            case ConfirmTwoFactorEnrolmentResult.Enabled enabled -> {
                // The recovery codes are shown this once and kept only as hashes: no cache may keep them either.
                ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                RegistrationRoutes.json(ctx, 200, new JsonObject()
                        .put("enabled", true)
                        .put("recoveryCodes", new JsonArray(new ArrayList<>(enabled.recoveryCodes()))));
            }
            case ConfirmTwoFactorEnrolmentResult.NoEnrolment ignored -> Problem.noTwoFactorEnrolment().sendTo(ctx);
            // No recovery codes before it is on: the hint names only the app and the mail.
            case ConfirmTwoFactorEnrolmentResult.CodeIncorrect ignored -> new Problem(
                    ProblemCode.TWO_FACTOR_CODE_INCORRECT, 400,
                    "The code is not correct. Please enter the code your authenticator app shows now, or the code we "
                            + "emailed you.",
                    Map.of()).sendTo(ctx);
            case ConfirmTwoFactorEnrolmentResult.Throttled throttled ->
                    SessionRoutes.sendCodeCheckThrottled(ctx, throttled.retryAfter());
        }
    }

    /** A code by e-mail, to confirm turning two-factor authentication off or deleting the account. */
    void sendConfirmationCode(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        SendTwoFactorCodeResult result = blocking.run(() -> useCases.sendTwoFactorCode().sendForConfirmation(user));
        sendCodeResult(ctx, result);
    }

    void disable(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        DisableTwoFactorCommand command = new DisableTwoFactorCommand(user, body.getString("password"),
                body.getString("code"));
        DisableTwoFactorResult result = blocking.run(() -> useCases.disableTwoFactor().disable(command));
        switch (result) {
            case DisableTwoFactorResult.Disabled ignored -> ctx.response().setStatusCode(204).end();
            case DisableTwoFactorResult.NotOn ignored -> new Problem(ProblemCode.TWO_FACTOR_OFF,
                    "Two-factor authentication is already off.").sendTo(ctx);
            case DisableTwoFactorResult.PasswordIncorrect ignored -> Problem.passwordIncorrect().sendTo(ctx);
            case DisableTwoFactorResult.CodeIncorrect ignored -> Problem.twoFactorCodeIncorrect().sendTo(ctx);
            case DisableTwoFactorResult.Throttled throttled ->
                    SessionRoutes.sendCodeCheckThrottled(ctx, throttled.retryAfter());
        }
    }

    /** The answer to a request for a code by e-mail, for a login's second step or for a confirmation. */
    static void sendCodeResult(RoutingContext ctx, SendTwoFactorCodeResult result) {
        switch (result) {
            case SendTwoFactorCodeResult.Sent sent ->
                    RegistrationRoutes.json(ctx, 202, new JsonObject().put("expiresAt", sent.expiresAt().toString()));
            case SendTwoFactorCodeResult.TooSoon tooSoon -> {
                long seconds = RegistrationRoutes.roundedUpSeconds(tooSoon.retryAfter());
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                new Problem(ProblemCode.CODE_RESEND_TOO_SOON,
                        "A code was sent a moment ago. Please wait " + seconds + " seconds before requesting a new code.",
                        Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
            }
            case SendTwoFactorCodeResult.NotByEmail ignored -> Problem.twoFactorNotByEmail().sendTo(ctx);
            case SendTwoFactorCodeResult.LoginExpired ignored -> Problem.loginExpired().sendTo(ctx);
        }
    }

    /** Whether two-factor authentication is on, and with which method: what the profile shows of it. */
    static JsonObject summary(TwoFactorStatus status) {
        JsonObject json = new JsonObject().put("enabled", status.enabled());
        status.method().ifPresent(method -> json.put("method", method.name()));
        return json;
    }
}
