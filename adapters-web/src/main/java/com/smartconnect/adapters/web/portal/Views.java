package com.smartconnect.adapters.web.portal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's Mustache templates ({@code portal/templates/*.mustache} on the classpath): a page's own template
 * renders its {@code <main>}, which the layout ({@code layout.mustache}) wraps in the header, navigation and footer.
 * Every value is escaped for HTML, so nothing a request carries becomes markup; a missing value renders empty.
 */
final class Views {

    private static final String FOLDER = "/portal/templates/";

    private final Mustache.Compiler compiler;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Template layout;
    /** The templates that place the page's messages (alerts, notices) in their own box, below their heading. */
    private final Map<String, Boolean> placesMessages = new ConcurrentHashMap<>();

    Views() {
        this.compiler = Mustache.compiler().escapeHTML(true).defaultValue("").withLoader(Views::reader);
        this.layout = template("layout");
    }

    /** The whole page: {@code page}'s template inside the layout. */
    String page(String page, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("main", template(page).execute(values));
        // A page that has no place for its messages gets them above its content rather than not at all.
        all.put("messagesAbove", !placesMessages.computeIfAbsent(page, Views::placesMessages));
        return layout.execute(all);
    }

    /** One template alone, for the part of a page that htmx replaces. */
    String fragment(String name, Map<String, Object> values) {
        return template(name).execute(values);
    }

    private Template template(String name) {
        return templates.computeIfAbsent(name, key -> {
            try (Reader reader = reader(key)) {
                return compiler.compile(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the portal template " + key, e);
            }
        });
    }

    private static boolean placesMessages(String name) {
        return source(name).contains("{{>page-messages}}");
    }

    private static Reader reader(String name) {
        return new StringReader(source(name));
    }

    private static String source(String name) {
        InputStream in = Views.class.getResourceAsStream(FOLDER + name + ".mustache");
        if (in == null) {
            throw new IllegalStateException(FOLDER + name + ".mustache is missing from the classpath");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal template " + name, e);
        }
    }
}
