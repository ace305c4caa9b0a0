package com.smartconnect.adapters.web;

import com.smartconnect.application.account.port.in.DeleteAccountCommand;
import com.smartconnect.application.account.port.in.DeleteAccountResult;
import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.port.in.UpdateProfileCommand;
import com.smartconnect.application.account.port.in.UpdateProfileResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.session.port.in.CompleteLogInCommand;
import com.smartconnect.application.account.session.port.in.CompleteLogInResult;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Login (with its second step when two-factor authentication is on), logout, the logged-in person's profile (read and
 * changed) and the deletion of their account. All but the two login steps sit behind {@link SessionAuthentication},
 * which has already found the session and checked the CSRF token when one is needed.
 */
final class SessionRoutes {

    private static final String SET_COOKIE = "Set-Cookie";

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;
    private final Clock clock;

    SessionRoutes(HttpApi.UseCases useCases, Blocking blocking, Clock clock) {
        this.useCases = useCases;
        this.blocking = blocking;
        this.clock = clock;
    }

    void logIn(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        LogInCommand command = new LogInCommand(body.getString("email"), body.getString("password"),
                RegistrationRoutes.remoteAddress(ctx));
        LogInResult result = blocking.run(() -> useCases.logIn().logIn(command));
        switch (result) {
            case LogInResult.LoggedIn loggedIn ->
                    sendLoggedIn(ctx, loggedIn.token(), loggedIn.accountId(), loggedIn.expiresAt());
            // No session yet, so no cookie: the challenge token only lets the client send the code.
            case LogInResult.SecondFactorRequired required -> RegistrationRoutes.json(ctx, 202, new JsonObject()
                    .put("twoFactorRequired", true)
                    .put("method", required.method().name())
                    .put("challengeToken", required.challengeToken())
                    .put("expiresAt", required.expiresAt().toString()));
            // One answer for an unknown address and a wrong password, so the API tells nobody who has an account.
            case LogInResult.InvalidCredentials ignored -> new Problem(ProblemCode.INVALID_CREDENTIALS,
                    "The email address or password is incorrect.").sendTo(ctx);
            case LogInResult.NotVerified notVerified -> {
                String id = notVerified.registrationId().toString();
                new Problem(ProblemCode.ACCOUNT_NOT_VERIFIED,
                        "Please verify your account with the 6-digit code we sent by email.",
                        Map.of("registrationId", id, "resendCodeUrl", "/api/v1/registrations/" + id + "/code")).sendTo(ctx);
            }
            case LogInResult.Throttled throttled -> sendLogInThrottled(ctx, throttled.retryAfter());
            case LogInResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
        }
    }

    /** The second step of a login with two-factor authentication: the code, with the challenge token of the first. */
    void completeLogIn(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        CompleteLogInCommand command = new CompleteLogInCommand(body.getString("challengeToken"),
                body.getString("code"), RegistrationRoutes.remoteAddress(ctx));
        CompleteLogInResult result = blocking.run(() -> useCases.completeLogIn().complete(command));
        switch (result) {
            case CompleteLogInResult.LoggedIn loggedIn ->
                    sendLoggedIn(ctx, loggedIn.token(), loggedIn.accountId(), loggedIn.expiresAt());
            case CompleteLogInResult.CodeIncorrect incorrect ->
                    Problem.twoFactorLogInCodeIncorrect(incorrect.attemptsLeft()).sendTo(ctx);
            case CompleteLogInResult.LoginExpired ignored -> Problem.loginExpired().sendTo(ctx);
            case CompleteLogInResult.Throttled throttled -> sendLogInThrottled(ctx, throttled.retryAfter());
        }
    }

    /** Another login code by e-mail, for the login waiting behind the challenge token. */
    void sendLogInCode(RoutingContext ctx) {
        String challengeToken = ctx.body().asJsonObject().getString("challengeToken");
        SendTwoFactorCodeResult result = blocking.run(() -> useCases.sendTwoFactorCode().sendForLogIn(challengeToken));
        TwoFactorRoutes.sendCodeResult(ctx, result);
    }

    /** A session has started: its cookies, and the token for clients that send it as a bearer token. */
    private void sendLoggedIn(RoutingContext ctx, String token, AccountId accountId, Instant expiresAt) {
        String csrf = SessionCookies.csrfFor(token);
        for (String cookie : SessionCookies.issue(token, expiresAt, clock)) {
            ctx.response().headers().add(SET_COOKIE, cookie);
        }
        RegistrationRoutes.json(ctx, 201, new JsonObject()
                .put("token", token)
                .put("accountId", accountId.toString())
                .put("expiresAt", expiresAt.toString())
                .put("csrfToken", csrf));
    }

    private static void sendLogInThrottled(RoutingContext ctx, Duration retryAfter) {
        long seconds = RegistrationRoutes.roundedUpSeconds(retryAfter);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        new Problem(ProblemCode.LOGIN_THROTTLED, "Too many failed logins. Please wait before trying again.",
                Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
    }

    void logOut(RoutingContext ctx) {
        String token = SessionAuthentication.token(ctx);
        blocking.run(() -> {
            useCases.logOut().logOut(token);
            return null;
        });
        for (String cookie : SessionCookies.clear()) {
            ctx.response().headers().add(SET_COOKIE, cookie);
        }
        ctx.response().setStatusCode(204).end();
    }

    void me(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        Optional<JsonObject> me = blocking.run(() -> useCases.profile().profileOf(user.accountId())
                .map(profile -> toJson(profile, useCases.twoFactor().statusOf(user.accountId()))));
        // A live session of an account that is gone: there is nobody to show, so the client must log in again.
        me.ifPresentOrElse(json -> RegistrationRoutes.json(ctx, 200, json),
                () -> SessionAuthentication.notAuthenticated(ctx));
    }

    void updateMe(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // An absent field stays as it is; an empty phone or job role clears it (the use case decides).
        UpdateProfileCommand command = new UpdateProfileCommand(user,
                Optional.ofNullable(body.getString("firstName")),
                Optional.ofNullable(body.getString("lastName")),
                Optional.ofNullable(body.getString("country")),
                Optional.ofNullable(body.getString("language")),
                Optional.ofNullable(body.getString("phone")),
                Optional.ofNullable(body.getString("jobRole")),
                Optional.ofNullable(body.getJsonObject("company")).map(RegistrationRoutes::companyInput));
        UpdateProfileResult result = blocking.run(() -> useCases.updateProfile().update(command));
        switch (result) {
            case UpdateProfileResult.Updated updated -> {
                // Answered as GET /api/v1/me answers, the two-factor summary included.
                TwoFactorStatus twoFactor = blocking.run(() -> useCases.twoFactor().statusOf(user.accountId()));
                RegistrationRoutes.json(ctx, 200, toJson(updated.profile(), twoFactor));
            }
            case UpdateProfileResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
        }
    }

    void deleteMe(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        // A blank code is no code: a form's empty field should be asked for, not counted as a wrong guess.
        Optional<String> code = Optional.ofNullable(body.getString("code")).filter(value -> !value.isBlank());
        DeleteAccountCommand command = new DeleteAccountCommand(user, body.getString("password"), code);
        DeleteAccountResult result = blocking.run(() -> useCases.deleteAccount().delete(command));
        switch (result) {
            case DeleteAccountResult.Deleted ignored -> {
                // The account's sessions went with it; the cookies of this one would only point at nothing.
                for (String cookie : SessionCookies.clear()) {
                    ctx.response().headers().add(SET_COOKIE, cookie);
                }
                ctx.response().setStatusCode(204).end();
            }
            case DeleteAccountResult.PasswordIncorrect ignored -> Problem.passwordIncorrect().sendTo(ctx);
            case DeleteAccountResult.Throttled throttled -> sendPasswordCheckThrottled(ctx, throttled.retryAfter());
            case DeleteAccountResult.SecondFactorRequired ignored -> new Problem(ProblemCode.TWO_FACTOR_CODE_REQUIRED,
                    "Two-factor authentication is on: please enter a code from your authenticator app or your email, "
                            + "or a recovery code.").sendTo(ctx);
            case DeleteAccountResult.CodeIncorrect ignored -> Problem.twoFactorCodeIncorrect().sendTo(ctx);
        }
    }

    /** Too many wrong passwords given by a logged-in user (to change the password or e-mail address, or delete the account). */
    static void sendPasswordCheckThrottled(RoutingContext ctx, Duration retryAfter) {
        sendReauthenticationThrottled(ctx, retryAfter, "Too many wrong passwords. Please wait before trying again.");
    }

    /**
     * Too many wrong passwords or two-factor codes given by a logged-in user (they are counted together): the same
     * {@code PASSWORD_CHECK_THROTTLED}, worded for both.
     */
    static void sendCodeCheckThrottled(RoutingContext ctx, Duration retryAfter) {
        sendReauthenticationThrottled(ctx, retryAfter,
                "Too many wrong passwords or codes. Please wait before trying again.");
    }

    private static void sendReauthenticationThrottled(RoutingContext ctx, Duration retryAfter, String detail) {
        long seconds = RegistrationRoutes.roundedUpSeconds(retryAfter);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        new Problem(ProblemCode.PASSWORD_CHECK_THROTTLED, detail,
                Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
    }

    private static JsonObject toJson(Profile profile, TwoFactorStatus twoFactor) {
        CompanyDetails company = profile.company();
        JsonObject companyJson = new JsonObject()
                .put("name", company.name())
                .put("businessType", company.businessType());
        company.areaOfFocus().ifPresent(value -> companyJson.put("areaOfFocus", value));
        company.industrySegment().ifPresent(value -> companyJson.put("industrySegment", value));
        companyJson
                .put("address", company.address())
                .put("city", company.city())
                .put("zipCode", company.zipCode())
                .put("stateProvince", company.stateProvince())
                .put("country", company.country().code());
        ContactDetails contact = profile.contact();
        JsonObject json = new JsonObject()
                .put("email", profile.email().value())
                .put("firstName", profile.name().first())
                .put("lastName", profile.name().last())
                .put("country", profile.country().code())
                .put("language", contact.language().tag());
        // Absent values are left out, as the company's optional fields are.
        contact.phone().ifPresent(phone -> json.put("phone", phone.value()));
        contact.jobRole().ifPresent(jobRole -> json.put("jobRole", jobRole));
        return json.put("company", companyJson).put("twoFactor", TwoFactorRoutes.summary(twoFactor));
    }
}
