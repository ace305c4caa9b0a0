package com.smartconnect.adapters.web;

import com.smartconnect.adapters.web.portal.LinkPages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Set;

/**
 * Refuses, before any body is read, the requests that Vert.x would otherwise fail on outside the router or as an
 * internal error: a query string that does not decode (the body handler decodes it again in the request's end
 * handler, where an exception escapes every failure handler and the request is never answered), and a form body
 * on a method that cannot carry one (Vert.x refuses to decode it with an {@link IllegalStateException}). The
 * failures go to the route's failure handler like any other, so the API answers a problem and a page answers a
 * page. A multipart boundary that is empty is refused too: Netty's decoder fails on it with an index out of bounds.
 */
final class RequestGate implements PlatformHandler {

    /** The methods whose form bodies Vert.x decodes; any other with a form body is refused. */
    private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        try {
            // The decoder the body handler uses; a failure here is thrown again on every later read.
            request.params();
        } catch (IllegalArgumentException e) {
            ctx.fail(400, e);
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (isForm(contentType) && !FORM_METHODS.contains(request.method())) {
            ctx.fail(415);
            return;
        }
        if (contentType != null && startsWithIgnoringCase(contentType, LinkPages.MULTIPART_FORM)
                && hasEmptyBoundary(contentType)) {
            ctx.fail(400);
            return;
        }
        ctx.next();
    }

    /** Whether a {@code boundary} parameter is there without a value ({@code boundary=} or {@code boundary=""}). */
    private static boolean hasEmptyBoundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String stripped = parameter.strip();
            if (startsWithIgnoringCase(stripped, "boundary=")) {
                String value = stripped.substring("boundary=".length()).strip();
                boolean quoted = value.startsWith("\"");
                return quoted ? value.length() < 3 || !value.endsWith("\"") : value.isEmpty();
            }
        }
        return false;
    }

    /** What Vert.x decodes as a form: it matches on the start of the header, without its parameters. */
    private static boolean isForm(String contentType) {
        return contentType != null && (startsWithIgnoringCase(contentType, LinkPages.FORM)
                || startsWithIgnoringCase(contentType, LinkPages.MULTIPART_FORM));
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
