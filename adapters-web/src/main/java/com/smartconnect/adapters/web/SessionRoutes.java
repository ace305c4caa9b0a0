package com.smartconnect.adapters.web;

import com.smartconnect.application.port.in.AuthenticatedUser;
import com.smartconnect.application.port.in.DeleteAccountCommand;
import com.smartconnect.application.port.in.DeleteAccountResult;
import com.smartconnect.application.port.in.LogInCommand;
import com.smartconnect.application.port.in.LogInResult;
import com.smartconnect.application.port.in.Profile;
import com.smartconnect.application.port.in.UpdateProfileCommand;
import com.smartconnect.application.port.in.UpdateProfileResult;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Login, logout, the logged-in person's profile (read and changed) and the deletion of their account. All but the login sit behind
 * {@link SessionAuthentication}, which has already found the session and checked the CSRF token when one is needed.
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
            case LogInResult.LoggedIn loggedIn -> {
                String csrf = SessionCookies.csrfFor(loggedIn.token());
                for (String cookie : SessionCookies.issue(loggedIn.token(), loggedIn.expiresAt(), clock)) {
                    ctx.response().headers().add(SET_COOKIE, cookie);
                }
                RegistrationRoutes.json(ctx, 201, new JsonObject()
                        .put("token", loggedIn.token())
                        .put("accountId", loggedIn.accountId().toString())
                        .put("expiresAt", loggedIn.expiresAt().toString())
                        .put("csrfToken", csrf));
            }
            // One answer for an unknown address and a wrong password, so the API tells nobody who has an account.
            case LogInResult.InvalidCredentials ignored -> new Problem(401, "INVALID_CREDENTIALS", "Invalid credentials",
                    "The email address or password is incorrect.").sendTo(ctx);
            case LogInResult.NotVerified notVerified -> {
                String id = notVerified.registrationId().toString();
                new Problem(403, "ACCOUNT_NOT_VERIFIED", "Account not verified",
                        "Please verify your account with the 6-digit code we sent by email.",
                        Map.of("registrationId", id, "resendCodeUrl", "/api/v1/registrations/" + id + "/code")).sendTo(ctx);
            }
            case LogInResult.Throttled throttled -> {
                long seconds = RegistrationRoutes.roundedUpSeconds(throttled.retryAfter());
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                new Problem(429, "LOGIN_THROTTLED", "Too many failed logins",
                        "Too many failed logins. Please wait before trying again.",
                        Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
            }
            case LogInResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
        }
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
        Optional<Profile> profile = blocking.run(() -> useCases.profile().profileOf(user.accountId()));
        // A live session of an account that is gone: there is nobody to show, so the client must log in again.
        profile.ifPresentOrElse(p -> RegistrationRoutes.json(ctx, 200, toJson(p)),
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
            case UpdateProfileResult.Updated updated -> RegistrationRoutes.json(ctx, 200, toJson(updated.profile()));
            case UpdateProfileResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
        }
    }

    void deleteMe(RoutingContext ctx) {
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        DeleteAccountCommand command = new DeleteAccountCommand(user, body.getString("password"));
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
        }
    }

    /** Too many wrong passwords given by a logged-in user (to change the password or e-mail address, or delete the account). */
    static void sendPasswordCheckThrottled(RoutingContext ctx, java.time.Duration retryAfter) {
        long seconds = RegistrationRoutes.roundedUpSeconds(retryAfter);
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        new Problem(429, "PASSWORD_CHECK_THROTTLED", "Too many wrong passwords",
                "Too many wrong passwords. Please wait before trying again.",
                Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
    }

    private static JsonObject toJson(Profile profile) {
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
        return json.put("company", companyJson);
    }
}
