package com.smartconnect.adapters.web;

import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON-schema errors of a request body into one {@link FieldError} per field, worded like the errors
 * the domain reports for the same fields, so a client sees the same code whether the schema or the domain
 * caught the mistake (an absent {@code company.city} and a blank one both read "Please enter the city.").
 */
final class SchemaFieldErrors {

    static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    static final String FIELD_INVALID = "FIELD_INVALID";
    static final String EMAIL_REQUIRED = "EMAIL_REQUIRED";
    static final String INVALID_EMAIL = "INVALID_EMAIL";

    /** Fields that hold an e-mail address: the schema's errors on them read like the domain's. */
    private static final Set<String> EMAIL_FIELDS = Set.of("email", "newEmail");

    private static final String ROOT = "#";
    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");
    private static final Pattern LIMIT = Pattern.compile("[<>] (\\d+)\\)");
    /** Keywords that only say "a sub-schema failed"; the sub-schema's own error names the field and the rule. */
    private static final Set<String> WRAPPERS = Set.of("properties", "patternProperties", "additionalProperties",
            "unevaluatedProperties", "$ref", "$dynamicRef", "$recursiveRef", "allOf", "anyOf", "oneOf", "not", "if",
            "then", "else", "items", "prefixItems", "additionalItems", "unevaluatedItems", "dependentSchemas",
            "dependencies", "contains");

    /** What the field is called in a message, as the domain words it; a field not listed is called by its path. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("email", "email address"),
            Map.entry("newEmail", "the new email address"),
            Map.entry("firstName", "first name"),
            Map.entry("lastName", "last name"),
            Map.entry("password", "a password"),
            Map.entry("currentPassword", "your current password"),
            Map.entry("newPassword", "a new password"),
            Map.entry("country", "your location"),
            Map.entry("language", "a language"),
            Map.entry("phone", "a phone number"),
            Map.entry("jobRole", "the job role"),
            Map.entry("company", "the company details"),
            Map.entry("company.name", "the company name"),
            Map.entry("company.businessType", "the business type"),
            Map.entry("company.areaOfFocus", "the area of focus"),
            Map.entry("company.industrySegment", "the industry segment"),
            Map.entry("company.address", "the address"),
            Map.entry("company.city", "the city"),
            Map.entry("company.zipCode", "the zip code"),
            Map.entry("company.stateProvince", "the state or province"),
            Map.entry("company.country", "the company's location"),
            Map.entry("privacyAccepted", "the privacy notice acceptance"),
            Map.entry("marketingOptIn", "the marketing choice"),
            Map.entry("captchaToken", "the captcha answer"),
            Map.entry("invitationToken", "the invitation link"),
            Map.entry("code", "the 6-digit code from the email"),
            Map.entry("challengeToken", "the challenge token of the login"),
            Map.entry("method", "a two-factor method"),
            Map.entry("notInterested", "the \"Not interested?\" setting"));

    /** Messages the domain uses for some absent fields, kept identical so the two paths cannot drift apart. */
    private static final Map<String, String> REQUIRED_MESSAGES = Map.of(
            "country", "Please select your location.",
            "company.country", "Please select your location.",
            "privacyAccepted", "Please accept the privacy notice to register.",
            "captchaToken", "Please confirm that you are not a robot.",
            "notInterested", "Please choose whether \"Not interested?\" is selected.");

    /** How the fields of one request are called, where that differs from {@link #LABELS} and {@link #REQUIRED_MESSAGES}. */
    private record Wording(Map<String, String> labels, Map<String, String> requiredMessages) {
    }

    private static final Wording DEFAULT_WORDING = new Wording(Map.of(), Map.of());
    /**
     * Where a two-factor code is asked for, it comes from an authenticator app, a mail or (once two-factor
     * authentication is on) the recovery codes, not only from a mail.
     */
    private static final Wording TWO_FACTOR_WORDING = new Wording(Map.of("code", "the two-factor code"),
            Map.of("code", "Please enter a code from your authenticator app or your email, or a recovery code."));
    /** Turning two-factor authentication on: no recovery codes yet. */
    private static final Wording ENROLMENT_WORDING = new Wording(Map.of("code", "the two-factor code"),
            Map.of("code", "Please enter the code from your authenticator app or your email."));

    private SchemaFieldErrors() {
    }

    /** Whether the body is not a JSON object at all, which no per-field message could explain. */
    static boolean bodyIsNotAnObject(OutputUnit result) {
        return leaves(result).stream().anyMatch(unit -> isRoot(unit.getInstanceLocation()) && "type".equals(keyword(unit)));
    }

    /** One error per invalid field, in the order the schema found them; an absent field beats other rules. */
    static List<FieldError> of(OutputUnit result) {
        return of(result, "");
    }

    /** As {@link #of(OutputUnit)}, with fields named as the request at {@code requestPath} names them. */
    static List<FieldError> of(OutputUnit result, String requestPath) {
        Wording wording = wordingFor(requestPath);
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (OutputUnit unit : leaves(result)) {
            FieldError error = translate(unit, wording);
            byField.merge(error.field(), error, (first, next) -> rank(next) < rank(first) ? next : first);
        }
        return List.copyOf(byField.values());
    }

    private static List<OutputUnit> leaves(OutputUnit result) {
        List<OutputUnit> leaves = new ArrayList<>();
        if (result.getErrors() != null) {
            for (OutputUnit unit : result.getErrors()) {
                if (!WRAPPERS.contains(keyword(unit))) {
                    leaves.add(unit);
                }
            }
        }
        return leaves;
    }

    private static Wording wordingFor(String requestPath) {
        if (requestPath.equals("/api/v1/me/two-factor/enrolment/confirmation")) {
            return ENROLMENT_WORDING;
        }
        if (requestPath.startsWith("/api/v1/me/two-factor") || requestPath.startsWith("/api/v1/sessions/two-factor")
                || requestPath.equals("/api/v1/me")) {
            return TWO_FACTOR_WORDING;
        }
        return DEFAULT_WORDING;
    }

    private static FieldError translate(OutputUnit unit, Wording wording) {
        String keyword = keyword(unit);
        String location = fieldPath(unit.getInstanceLocation());
        if ("required".equals(keyword)) {
            Matcher property = REQUIRED_PROPERTY.matcher(String.valueOf(unit.getError()));
            String name = property.find() ? property.group(1) : "";
            return required(location.isEmpty() ? name : location + "." + name, wording);
        }
        if ("minLength".equals(keyword) && unit.getError() != null && unit.getError().contains("(0 <")) {
            return required(location, wording);
        }
        if ("maxLength".equals(keyword)) {
            Matcher limit = LIMIT.matcher(String.valueOf(unit.getError()));
            String most = limit.find() ? " at most " + limit.group(1) + " characters long" : " shorter";
            return new FieldError(location, FIELD_TOO_LONG, "The " + stripArticle(label(location, wording)) + " must be" + most + ".");
        }
        if (EMAIL_FIELDS.contains(location)) {
            return new FieldError(location, INVALID_EMAIL,
                    "You have entered an invalid email address. Please re-enter the email address.");
        }
        return new FieldError(location, FIELD_INVALID, "The " + stripArticle(label(location, wording)) + " is not valid.");
    }

    private static FieldError required(String field, Wording wording) {
        if (EMAIL_FIELDS.contains(field)) {
            return new FieldError(field, EMAIL_REQUIRED, "Please enter email address");
        }
        String message = wording.requiredMessages().getOrDefault(field,
                REQUIRED_MESSAGES.getOrDefault(field, "Please enter " + label(field, wording) + "."));
        return new FieldError(field, FIELD_REQUIRED, message);
    }

    private static int rank(FieldError error) {
        return switch (error.code()) {
            case FIELD_REQUIRED, EMAIL_REQUIRED -> 0;
            case FIELD_INVALID, INVALID_EMAIL -> 1;
            default -> 2;
        };
    }

    private static String label(String field, Wording wording) {
        return wording.labels().getOrDefault(field, LABELS.getOrDefault(field, field));
    }

    private static String stripArticle(String label) {
        if (label.startsWith("the ")) {
            return label.substring(4);
        }
        if (label.startsWith("a ")) {
            return label.substring(2);
        }
        if (label.startsWith("your ")) {
            return label.substring(5);
        }
        return label;
    }

    private static String keyword(OutputUnit unit) {
        String location = unit.getKeywordLocation() != null ? unit.getKeywordLocation() : unit.getAbsoluteKeywordLocation();
        if (location == null) {
            return "";
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static boolean isRoot(String instanceLocation) {
        return instanceLocation == null || instanceLocation.isEmpty() || ROOT.equals(instanceLocation) || "/".equals(instanceLocation);
    }

    /** {@code #/company/city} becomes {@code company.city}. */
    static String fieldPath(String instanceLocation) {
        if (isRoot(instanceLocation)) {
            return "";
        }
        String pointer = instanceLocation.startsWith(ROOT) ? instanceLocation.substring(1) : instanceLocation;
        List<String> parts = new ArrayList<>();
        for (String token : pointer.split("/")) {
            if (!token.isEmpty()) {
                parts.add(token.replace("~1", "/").replace("~0", "~"));
            }
        }
        return String.join(".", parts);
    }
}
