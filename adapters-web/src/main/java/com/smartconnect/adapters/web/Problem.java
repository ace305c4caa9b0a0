package com.smartconnect.adapters.web;

import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem with the stable {@code code} that clients branch on. The {@code detail} is always one of
 * the portal's own sentences, never text taken from an exception.
 */
record Problem(int status, String code, String title, String detail, Map<String, Object> extensions) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:smartconnect:problem:";
    private static final String TWO_FACTOR_CODE_INCORRECT_DETAIL = "The code is not correct. Please enter the code "
            + "your authenticator app shows now or the latest code we emailed you, or one of your unused recovery codes.";

    Problem {
        extensions = Map.copyOf(extensions);
    }

    Problem(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    static Problem validationFailed(List<FieldError> errors) {
        JsonArray list = new JsonArray();
        errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("code", e.code()).put("message", e.message())));
        return new Problem(400, "VALIDATION_FAILED", "Invalid input",
                "Some fields are not valid. Please correct them and try again.", Map.of("errors", list));
    }

    static Problem captchaFailed() {
        return new Problem(400, "CAPTCHA_FAILED", "Captcha not solved", "Please confirm that you are not a robot.");
    }

    static Problem registrationNotFound() {
        return new Problem(404, "REGISTRATION_NOT_FOUND", "Registration not found",
                "This registration does not exist. Please sign up again.");
    }

    static Problem alreadyVerified() {
        return new Problem(409, "ALREADY_VERIFIED", "Already verified", "This account is already verified. Please log in.");
    }

    static Problem invalidCodeFormat() {
        return new Problem(400, "INVALID_CODE_FORMAT", "Invalid code format", "Please enter the 6-digit code from the email.");
    }

    static Problem codeIncorrect(int attemptsLeft) {
        return new Problem(400, "CODE_INCORRECT", "Incorrect code",
                "The code is not correct. Please check the code in the email and try again.",
                Map.of("attemptsLeft", attemptsLeft));
    }

    static Problem codeExpired() {
        return new Problem(410, "CODE_EXPIRED", "Code expired", "This code has expired. Please request a new code.");
    }

    static Problem tooManyAttempts() {
        return new Problem(429, "TOO_MANY_ATTEMPTS", "Too many attempts",
                "Too many incorrect codes were entered. Please request a new code.");
    }

    /** The password a logged-in user gave again to confirm a change is wrong. */
    static Problem passwordIncorrect() {
        return new Problem(400, "PASSWORD_INCORRECT", "Password incorrect", "The password is not correct.");
    }

    /**
     * A two-factor code (app, mail or recovery code) is wrong, expired or used already: {@code 400} where a
     * logged-in user confirms something with it.
     */
    static Problem twoFactorCodeIncorrect() {
        return new Problem(400, "TWO_FACTOR_CODE_INCORRECT", "Incorrect code", TWO_FACTOR_CODE_INCORRECT_DETAIL);
    }

    /** The second step of a login with a wrong code: {@code 401}, as the login's own refusals. */
    static Problem twoFactorLogInCodeIncorrect(int attemptsLeft) {
        return new Problem(401, "TWO_FACTOR_CODE_INCORRECT", "Incorrect code", TWO_FACTOR_CODE_INCORRECT_DETAIL,
                Map.of("attemptsLeft", attemptsLeft));
    }

    /** The first step of a login is over (expired, passed, or out of tries): the password must be given again. */
    static Problem loginExpired() {
        return new Problem(401, "LOGIN_EXPIRED", "Login expired", "Please log in again.");
    }

    static Problem noTwoFactorEnrolment() {
        return new Problem(404, "NO_TWO_FACTOR_ENROLMENT", "No two-factor set-up in progress",
                "No set-up of two-factor authentication is waiting for a code, or it has expired. "
                        + "Please start turning on two-factor authentication again.");
    }

    static Problem twoFactorNotByEmail() {
        return new Problem(409, "TWO_FACTOR_NOT_BY_EMAIL", "Codes are not sent by email",
                "This account does not get two-factor codes by email. Please enter the code your authenticator app "
                        + "shows, or one of your recovery codes.");
    }

    static Problem invitationExpired() {
        return new Problem(410, "INVITATION_EXPIRED", "Invitation expired", "This invitation has expired.");
    }

    static Problem invitationNotFound() {
        return new Problem(404, "INVITATION_NOT_FOUND", "Invitation not found",
                "This invitation does not exist.");
    }

    static Problem notAuthenticated() {
        return new Problem(401, "NOT_AUTHENTICATED", "Not authenticated", "Please log in.");
    }

    /** An integration endpoint called without a key, or with one that is not an integration's: the same answer. */
    static Problem integrationKeyInvalid() {
        return new Problem(401, "INTEGRATION_KEY_INVALID", "Integration key invalid",
                "This request needs the key of a SmartConnect integration as Authorization: Bearer <key>.");
    }

    static Problem csrfTokenInvalid() {
        return new Problem(403, "CSRF_TOKEN_INVALID", "Request refused",
                "This request was refused to protect your account. Please reload the page and try again.");
    }

    static Problem malformedJson(String detail) {
        return new Problem(400, "MALFORMED_JSON", "Malformed JSON", detail);
    }

    static Problem unsupportedMediaType() {
        return new Problem(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                "The request body must be JSON (Content-Type: application/json).");
    }

    static Problem bodyTooLarge() {
        return new Problem(413, "BODY_TOO_LARGE", "Request body too large", "The request body is too large.");
    }

    static Problem notFound() {
        return new Problem(404, "NOT_FOUND", "Not found", "There is nothing at this address.");
    }

    static Problem methodNotAllowed() {
        return new Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed", "This address does not answer this method.");
    }

    static Problem uriTooLong() {
        return new Problem(414, "URI_TOO_LONG", "Address too long", "The address of the request is too long.");
    }

    static Problem headersTooLarge() {
        return new Problem(431, "HEADERS_TOO_LARGE", "Request headers too large",
                "The headers of the request are too large.");
    }

    static Problem badRequest() {
        return new Problem(400, "BAD_REQUEST", "Bad request", "The request could not be understood.");
    }

    static Problem internalError() {
        return new Problem(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side. Please try again later.");
    }

    JsonObject toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", TYPE_PREFIX + code);
        fields.put("title", title);
        fields.put("status", status);
        fields.put("detail", detail);
        fields.put("code", code);
        fields.putAll(extensions);
        return new JsonObject(fields);
    }

    void sendTo(RoutingContext ctx) {
        sendTo(ctx.response());
    }

    void sendTo(HttpServerResponse response) {
        response
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(toJson().encode());
    }
}
