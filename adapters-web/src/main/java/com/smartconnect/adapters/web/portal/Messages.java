package com.smartconnect.adapters.web.portal;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PasswordPolicy;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.DeviceRegistration;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every text of the portal, from the bundle {@code portal/messages} (English; other languages are further bundles
 * beside it). Templates ask for a text with {@code {{#t}}key{{/t}}}; a key missing from the bundle fails the page
 * rather than showing the key.
 */
final class Messages {

    /** The longest value of each text field the portal's forms send, the argument of its FIELD_TOO_LONG text. */
    private static final Map<String, Integer> FIELD_LIMITS = Map.ofEntries(
            Map.entry("firstName", PersonName.MAX_LENGTH),
            Map.entry("lastName", PersonName.MAX_LENGTH),
            Map.entry("jobRole", ContactDetails.MAX_JOB_ROLE_LENGTH),
            Map.entry("company.name", CompanyDetails.MAX_LENGTH),
            Map.entry("company.businessType", CompanyDetails.MAX_LENGTH),
            Map.entry("company.areaOfFocus", CompanyDetails.MAX_LENGTH),
            Map.entry("company.industrySegment", CompanyDetails.MAX_LENGTH),
            Map.entry("company.address", CompanyDetails.MAX_LENGTH),
            Map.entry("company.city", CompanyDetails.MAX_LENGTH),
            Map.entry("company.zipCode", CompanyDetails.MAX_ZIP_LENGTH),
            Map.entry("company.stateProvince", CompanyDetails.MAX_LENGTH),
            Map.entry("name", DeviceRegistration.MAX_NAME),
            Map.entry("description", DeviceRegistration.MAX_DESCRIPTION));

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static Messages english() {
        // Properties bundles are read as UTF-8.
        return new Messages(ResourceBundle.getBundle("portal.messages", Locale.ROOT), Locale.ENGLISH);
    }

    String get(String key) {
        return bundle.getString(key);
    }

    /** The text of {@code key} with its {@code {0}}, {@code {1}} ... filled in. */
    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    Optional<String> find(String key) {
        try {
            return Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /**
     * A use case's field error in the bundle's words: {@code error.<CODE>.<field>} for a code whose text names the
     * field (FIELD_REQUIRED, FIELD_TOO_LONG ...), else {@code error.<CODE>}. The use case's own English message is
     * never shown, so a page speaks the bundle's language; a code without a text fails the page (and the test that
     * enumerates the codes) instead of slipping through in English.
     */
    String fieldError(FieldError error) {
        String specific = "error." + error.code() + "." + error.field();
        String key = find(specific).isPresent() ? specific : "error." + error.code();
        return format(key, arguments(error));
    }

    /** The values a field error's text carries: a field's length limit, the password's, the languages offered. */
    private static Object[] arguments(FieldError error) {
        return switch (error.code()) {
            case "FIELD_TOO_LONG" -> FIELD_LIMITS.containsKey(error.field())
                    ? new Object[] {FIELD_LIMITS.get(error.field())} : new Object[0];
            case "PASSWORD_TOO_LONG" -> new Object[] {PasswordPolicy.MAX_LENGTH};
            case "INVALID_LANGUAGE" -> new Object[] {String.join(", ", Language.SUPPORTED)};
            default -> new Object[0];
        };
    }

    /** The {@code t} of the templates: the section's text is a key, replaced by its message, escaped for HTML. */
    Mustache.Lambda lambda() {
        return (fragment, out) -> out.write(Escapers.HTML.escape(get(fragment.execute().strip())));
    }
}
