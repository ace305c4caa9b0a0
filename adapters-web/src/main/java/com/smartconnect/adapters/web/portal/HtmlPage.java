package com.smartconnect.adapters.web.portal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A page a browser opens from an e-mail link, rendered from a Mustache template on the classpath. Mustache escapes
 * every value for HTML, so nothing a request carries can become markup. The pages wear the portal's look (its
 * stylesheet, header and footer). The headers keep the page to itself: no script at all, no framing, forms only to
 * this origin, and no {@code Referer} that would leak the link's token.
 */
public final class HtmlPage {

    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";
    // The portal's stylesheet only (/assets/portal.css), no script at all.
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Template template;

    private HtmlPage(Template template) {
        this.template = template;
    }

    /** Compiles the template at {@code resource}; a missing key at render time fails rather than rendering blank. */
    public static HtmlPage load(String resource) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HtmlPage(Mustache.compiler().escapeHTML(true).strictSections(true).compile(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Whether a request's {@code Content-Type} is {@code expected}, whatever its parameters (such as a charset). */
    static boolean hasMediaType(String contentType, String expected) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(expected);
    }

    /** A form field or query parameter as given, stripped; {@code null} when it is missing or blank. */
    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    String render(Map<String, Object> values) {
        return template.execute(values);
    }

    void sendTo(RoutingContext ctx, int status, Map<String, Object> values) {
        sendTo(ctx.response(), status, values);
    }

    void sendTo(HttpServerResponse response, int status, Map<String, Object> values) {
        String html = render(values);
        response
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .end(html);
    }
}
