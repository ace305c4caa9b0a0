package com.smartconnect.adapters.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code code} a problem of the API can carry, with its status (or statuses) and title: the one list that
 * {@link Problem} takes its codes from, and that the contract's {@code Problem.code} enumerates, so a client can
 * rely on the contract for the codes to branch on. Codes are stable: a client may store them.
 */
enum ProblemCode {

    ACCOUNT_NOT_VERIFIED("Account not verified", 403),
    ALREADY_INVITED("Already invited", 409),
    ALREADY_VERIFIED("Already verified", 409),
    BAD_REQUEST("Bad request", 400),
    BODY_TOO_LARGE("Request body too large", 413),
    CAPTCHA_FAILED("Captcha not solved", 400),
    CATALOG_INVALID("Catalog has errors", 422),
    CATALOG_NOT_UTF8("Catalog not UTF-8", 400),
    CODE_EXPIRED("Code expired", 410),
    CODE_INCORRECT("Incorrect code", 400),
    CODE_RESEND_TOO_SOON("Too soon", 429),
    COMMAND_NOT_FOUND("Command not found", 404),
    CSRF_TOKEN_INVALID("Request refused", 403),
    CURRENT_PASSWORD_INCORRECT("Current password incorrect", 400),
    DEVICE_NEVER_CONNECTED("UPS not connected yet", 409),
    DEVICE_NOT_FOUND("UPS not found", 404),
    DEVICE_NOT_RECOGNISED("UPS not recognised", 400),
    DEVICE_REGISTERED_TO_ANOTHER_ACCOUNT("Registered to another account", 409),
    DEVICE_REGISTRATION_THROTTLED("Too many attempts", 429),
    EMAIL_REQUIRED("Email address required", 400),
    EMAIL_TAKEN("Email address taken", 409),
    HEADERS_TOO_LARGE("Request headers too large", 431),
    INTEGRATION_KEY_INVALID("Integration key invalid", 401),
    INTERNAL_ERROR("Internal error", 500),
    INVALID_CODE_FORMAT("Invalid code format", 400),
    INVALID_CREDENTIALS("Invalid credentials", 401),
    INVALID_CURSOR("Invalid cursor", 400),
    INVALID_EMAIL("Invalid email address", 400),
    INVALID_PRODUCT_ID("Invalid Product ID", 400),
    INVALID_PRODUCT_KEY("Invalid Product Key", 400),
    INVALID_QR_URL("Invalid QR code", 400),
    INVALID_SENSITIVITY("Invalid sensitivity", 400),
    INVITATION_EXPIRED("Invitation expired", 410),
    INVITATION_NOT_FOUND("Invitation not found", 404),
    INVITATION_NOT_PENDING("Invitation not pending", 409),
    LABEL_PHOTO_DECODES_BUSY("Photos still being read", 429),
    LABEL_PHOTO_MISSING("No photo", 400),
    LABEL_PHOTO_UNREADABLE("QR code not readable", 400),
    LIFECYCLE_EVENT_TOO_OLD("Lifecycle event too old", 422),
    LOGIN_EXPIRED("Login expired", 401),
    LOGIN_THROTTLED("Too many failed logins", 429),
    MALFORMED_JSON("Malformed JSON", 400),
    METHOD_NOT_ALLOWED("Method not allowed", 405),
    NOTIFICATION_NOT_FOUND("Notification not found", 404),
    NOT_AUTHENTICATED("Not authenticated", 401),
    NOT_DEVICE_OWNER("Not your UPS", 403),
    NOT_FOUND("Not found", 404),
    NO_CONNECTED_RESELLER("No connected reseller", 409),
    NO_EMAIL_CHANGE_REQUESTED("No change requested", 409),
    NO_PENDING_RESELLER_INVITATION("No pending invitation", 409),
    NO_TWO_FACTOR_ENROLMENT("No two-factor set-up in progress", 404),
    PASSWORD_CHECK_THROTTLED("Too many wrong passwords", 429),
    PASSWORD_INCORRECT("Password incorrect", 400),
    PLAN_DOES_NOT_INCLUDE_REBOOT("Not included in the plan", 403),
    PLAN_NOT_FOUND("Plan not found", 404),
    PLAN_WOULD_SHORTEN("Plan would be shortened", 409),
    PRODUCT_ID_REQUIRED("Product ID required", 400),
    PRODUCT_KEY_REQUIRED("Product Key required", 400),
    REGISTRATION_NOT_FOUND("Registration not found", 404),
    REMINDER_ALREADY_SENT_TODAY("Reminder already sent today", 429),
    RESELLER_ALREADY_CONNECTED("Reseller already connected", 409),
    RESELLER_ALREADY_INVITED("Reseller already invited", 409),
    RESEND_LIMIT_REACHED("No more codes", 429),
    RESEND_TOO_SOON("Too soon", 429),
    SMARTCONNECT_NOT_ENABLED("SmartConnect not enabled", 409),
    TOO_MANY_ATTEMPTS("Too many attempts", 429),
    TOO_MANY_NOTIFICATIONS("Too many notifications", 409),
    TOO_MANY_RESELLER_INVITATIONS("Too many invitations", 429),
    TOO_MANY_SIGN_UPS("Too many sign-ups", 429),
    TWO_FACTOR_ALREADY_ON("Two-factor authentication already on", 409),
    TWO_FACTOR_CODE_INCORRECT("Incorrect code", 400, 401),
    TWO_FACTOR_CODE_REQUIRED("Two-factor code required", 400),
    TWO_FACTOR_NOT_BY_EMAIL("Codes are not sent by email", 409),
    TWO_FACTOR_OFF("Two-factor authentication is off", 409),
    TWO_FACTOR_REQUIRED("Two-factor authentication required", 403),
    UNKNOWN_OUTLET_GROUP("Unknown outlet group", 400),
    UNSUPPORTED_MEDIA_TYPE("Unsupported media type", 415),
    UNSUPPORTED_PHOTO_TYPE("Unsupported photo type", 415),
    URI_TOO_LONG("Address too long", 414),
    VALIDATION_FAILED("Invalid input", 400);

    private final String title;
    private final Set<Integer> statuses;

    ProblemCode(String title, int... statuses) {
        this.title = title;
        this.statuses = Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet());
    }

    String title() {
        return title;
    }

    /** The statuses this code is answered with: one, except where one refusal ends two kinds of request. */
    Set<Integer> statuses() {
        return statuses;
    }

    /** The status of a code answered with one status only. */
    int status() {
        if (statuses.size() != 1) {
            throw new IllegalStateException(name() + " is answered with " + statuses + ": name the status");
        }
        return statuses.iterator().next();
    }

    /** The code of this name, for codes that come from the application (a field error's code, say). */
    static Optional<ProblemCode> find(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
