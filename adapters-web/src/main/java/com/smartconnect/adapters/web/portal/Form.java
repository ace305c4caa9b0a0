package com.smartconnect.adapters.web.portal;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/** A form as a browser posts it ({@code application/x-www-form-urlencoded}): its own fields, never the query's. */
final class Form {

    private static final String URL_ENCODED = "application/x-www-form-urlencoded";

    private final MultiMap fields;

    private Form(MultiMap fields) {
        this.fields = fields;
    }

    /** The posted form; an empty one for a body of another type (which then fails its CSRF check). */
    static Form of(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean form = type != null && type.toLowerCase(Locale.ROOT).strip().startsWith(URL_ENCODED);
        return new Form(form ? ctx.request().formAttributes() : MultiMap.caseInsensitiveMultiMap());
    }

    /** A form without fields (a body that was no form). */
    static Form empty() {
        return new Form(MultiMap.caseInsensitiveMultiMap());
    }

    /** The field's value, stripped; empty when it is missing. */
    String get(String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    /** The field's value exactly as typed (passwords keep their spaces); empty when it is missing. */
    String raw(String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    List<String> all(String name) {
        return fields.getAll(name);
    }

    boolean has(String name) {
        return fields.contains(name);
    }
}
