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
record Problem(ProblemCode code, int status, String detail, Map<String, Object> extensions) {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:smartconnect:problem:";
    private static final String TWO_FACTOR_CODE_INCORRECT_DETAIL = "The code is not correct. Please enter the code "
            + "your authenticator app shows now or the latest code we emailed you, or one of your unused recovery codes.";

    Problem {
        if (!code.statuses().contains(status)) {
            throw new IllegalArgumentException(code + " is not answered with " + status);
        }
        extensions = Map.copyOf(extensions);
    }

    Problem(ProblemCode code, String detail) {
        this(code, code.status(), detail, Map.of());
    }

    Problem(ProblemCode code, String detail, Map<String, Object> extensions) {
        this(code, code.status(), detail, extensions);
    }

    String title() {
        return code.title();
    }

    static Problem validationFailed(List<FieldError> errors) {
        JsonArray list = new JsonArray();
        errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("code", e.code()).put("message", e.message())));
        return new Problem(ProblemCode.VALIDATION_FAILED,
                "Some fields are not valid. Please correct them and try again.", Map.of("errors", list));
    }

    static Problem captchaFailed() {
        return new Problem(ProblemCode.CAPTCHA_FAILED, "Please confirm that you are not a robot.");
    }

    static Problem registrationNotFound() {
        return new Problem(ProblemCode.REGISTRATION_NOT_FOUND,
                "This registration does not exist. Please sign up again.");
    }

    static Problem alreadyVerified() {
        return new Problem(ProblemCode.ALREADY_VERIFIED, "This account is already verified. Please log in.");
    }

    static Problem invalidCodeFormat() {
        return new Problem(ProblemCode.INVALID_CODE_FORMAT, "Please enter the 6-digit code from the email.");
    }

    static Problem codeIncorrect(int attemptsLeft) {
        return new Problem(ProblemCode.CODE_INCORRECT,
                "The code is not correct. Please check the code in the email and try again.",
                Map.of("attemptsLeft", attemptsLeft));
    }

    static Problem codeExpired() {
        return new Problem(ProblemCode.CODE_EXPIRED, "This code has expired. Please request a new code.");
    }

    static Problem tooManyAttempts() {
        return new Problem(ProblemCode.TOO_MANY_ATTEMPTS,
                "Too many incorrect codes were entered. Please request a new code.");
    }

    /** The password a logged-in user gave again to confirm a change is wrong. */
    static Problem passwordIncorrect() {
        return new Problem(ProblemCode.PASSWORD_INCORRECT, "The password is not correct.");
    }

    /**
     * A two-factor code (app, mail or recovery code) is wrong, expired or used already: {@code 400} where a
     * logged-in user confirms something with it.
     */
    static Problem twoFactorCodeIncorrect() {
        return new Problem(ProblemCode.TWO_FACTOR_CODE_INCORRECT, 400, TWO_FACTOR_CODE_INCORRECT_DETAIL, Map.of());
    }

    /** The second step of a login with a wrong code: {@code 401}, as the login's own refusals. */
    static Problem twoFactorLogInCodeIncorrect(int attemptsLeft) {
        return new Problem(ProblemCode.TWO_FACTOR_CODE_INCORRECT, 401, TWO_FACTOR_CODE_INCORRECT_DETAIL,
                Map.of("attemptsLeft", attemptsLeft));
    }

    /** The first step of a login is over (expired, passed, or out of tries): the password must be given again. */
    static Problem loginExpired() {
        return new Problem(ProblemCode.LOGIN_EXPIRED, "Please log in again.");
    }

    static Problem noTwoFactorEnrolment() {
        return new Problem(ProblemCode.NO_TWO_FACTOR_ENROLMENT,
                "No set-up of two-factor authentication is waiting for a code, or it has expired. "
                        + "Please start turning on two-factor authentication again.");
    }

    static Problem twoFactorNotByEmail() {
        return new Problem(ProblemCode.TWO_FACTOR_NOT_BY_EMAIL,
                "This account does not get two-factor codes by email. Please enter the code your authenticator app "
                        + "shows, or one of your recovery codes.");
    }

    static Problem invitationExpired() {
        return new Problem(ProblemCode.INVITATION_EXPIRED, "This invitation has expired.");
    }

    static Problem invitationNotFound() {
        return new Problem(ProblemCode.INVITATION_NOT_FOUND, "This invitation does not exist.");
    }

    static Problem notAuthenticated() {
        return new Problem(ProblemCode.NOT_AUTHENTICATED, "Please log in.");
    }

    /** An integration endpoint called without a key, or with one that is not an integration's: the same answer. */
    static Problem integrationKeyInvalid() {
        return new Problem(ProblemCode.INTEGRATION_KEY_INVALID,
                "This request needs the key of a SmartConnect integration as Authorization: Bearer <key>.");
    }

    static Problem csrfTokenInvalid() {
        return new Problem(ProblemCode.CSRF_TOKEN_INVALID,
                "This request was refused to protect your account. Please reload the page and try again.");
    }

    static Problem malformedJson(String detail) {
        return new Problem(ProblemCode.MALFORMED_JSON, detail);
    }

    static Problem unsupportedMediaType() {
        return new Problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be JSON (Content-Type: application/json).");
    }

    static Problem bodyTooLarge() {
        return new Problem(ProblemCode.BODY_TOO_LARGE, "The request body is too large.");
    }

    static Problem notFound() {
        return new Problem(ProblemCode.NOT_FOUND, "There is nothing at this address.");
    }

    static Problem methodNotAllowed() {
        return new Problem(ProblemCode.METHOD_NOT_ALLOWED, "This address does not answer this method.");
    }

    static Problem uriTooLong() {
        return new Problem(ProblemCode.URI_TOO_LONG, "The address of the request is too long.");
    }

    static Problem headersTooLarge() {
        return new Problem(ProblemCode.HEADERS_TOO_LARGE, "The headers of the request are too large.");
    }

    static Problem badRequest() {
        return new Problem(ProblemCode.BAD_REQUEST, "The request could not be understood.");
    }

    static Problem internalError() {
        return new Problem(ProblemCode.INTERNAL_ERROR, "Something went wrong on our side. Please try again later.");
    }

    JsonObject toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", TYPE_PREFIX + code.name());
        fields.put("title", code.title());
        fields.put("status", status);
        fields.put("detail", detail);
        fields.put("code", code.name());
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
