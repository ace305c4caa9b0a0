package com.smartconnect.adapters.web.portal;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every text of the portal, from the bundle {@code portal/messages} (English; other languages are further bundles
 * beside it). Templates ask for a text with {@code {{#t}}key{{/t}}}; a key missing from the bundle fails the page
 * rather than showing the key.
 */
final class Messages {

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

    /** The {@code t} of the templates: the section's text is a key, replaced by its message, escaped for HTML. */
    Mustache.Lambda lambda() {
        return (fragment, out) -> out.write(Escapers.HTML.escape(get(fragment.execute().strip())));
    }
}
