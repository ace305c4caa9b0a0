package com.smartconnect.adapters.web.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of the portal, built up by a page handler: its template, status and title, the form's values as the
 * person typed them (a password never), a message at each field that needs one, and the messages above the form.
 * {@link Portal#send} renders it inside the layout.
 */
final class Page {

    final String template;
    final String titleKey;
    int status = 200;
    final Map<String, Object> values = new HashMap<>();
    final Map<String, String> fields = new HashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();
    final List<String> alerts = new ArrayList<>();
    final List<String> notices = new ArrayList<>();

    private Page(String template, String titleKey) {
        this.template = template;
        this.titleKey = titleKey;
    }

    /** The page of template {@code portal/templates/<template>.mustache}, titled with the text of {@code titleKey}. */
    static Page of(String template, String titleKey) {
        return new Page(template, titleKey);
    }

    Page status(int status) {
        this.status = status;
        return this;
    }

    /** A value the template reads by its name. */
    Page value(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** A form field's value, shown back in the field ({@code {{fields.<name>}}}). */
    Page field(String name, String value) {
        fields.put(name, value == null ? "" : value);
        return this;
    }

    /** The message at a field ({@code {{#errors.<name>}}}); the first one a field gets stays. */
    Page error(String name, String message) {
        errors.putIfAbsent(name, message);
        return this;
    }

    /** A message above the form that is not about one field (wrong credentials, a code that expired). */
    Page alert(String message) {
        alerts.add(message);
        return this;
    }

    /** A message that tells what happened (a code sent again), not that something went wrong. */
    Page notice(String message) {
        notices.add(message);
        return this;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }
}
