package com.smartconnect.adapters.web;

import com.smartconnect.adapters.web.portal.LinkPages;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Set;

/**
 * The answers to requests refused before an operation takes them: by the router (no route, a wrong method, a
 * failure outside an operation) and by the HTTP parser (a request line or headers over its limits, a broken
 * {@code Content-Length}). Under the path of a page they are a page, as a browser shows it; elsewhere a problem.
 */
final class ErrorAnswers {

    private static final Logger LOG = System.getLogger(ErrorAnswers.class.getName());

    private final Set<String> pagePaths;
    private final LinkPages pages;
    private final ProblemFailureHandler problems;

    ErrorAnswers(Set<String> pagePaths, ProblemFailureHandler problems, LinkPages pages) {
        this.pagePaths = Set.copyOf(pagePaths);
        this.problems = problems;
        this.pages = pages;
    }

    /** For the router's error handlers: what no route's failure handler answered. */
    void answer(RoutingContext ctx) {
        String path = normalizedPath(ctx);
        if (path == null) {
            // The path itself does not decode: the route matching failed on it, before any handler ran.
            if (!ctx.response().ended()) {
                SecurityHeaders.putOn(ctx.response());
                Problem.badRequest().sendTo(ctx);
            }
            return;
        }
        if (isPage(path)) {
            pages.answerFailure(ctx);
        } else {
            problems.handle(ctx);
        }
    }

    /**
     * For the server's invalid request handler: the parser could not read the request, so the connection cannot
     * carry another one and is closed after the answer.
     */
    void refuseUnreadable(HttpServerRequest request) {
        int status = statusOf(request.decoderResult());
        LOG.log(Level.DEBUG, () -> "Request refused by the HTTP parser (" + status + "): " + request.decoderResult());
        HttpServerResponse response = request.response();
        SecurityHeaders.putOn(response);
        response.putHeader(HttpHeaders.CONNECTION, "close");
        if (isPage(pathOf(request))) {
            pages.refuseUnreadable(response, status);
        } else {
            problemFor(status).sendTo(response);
        }
        request.connection().close();
    }

    private static int statusOf(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return 414;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return 431;
        }
        return 400;
    }

    private static Problem problemFor(int status) {
        return switch (status) {
            case 414 -> Problem.uriTooLong();
            case 431 -> Problem.headersTooLarge();
            default -> Problem.badRequest();
        };
    }

    /** Null for a path that does not decode: no page has such a path. */
    private static String normalizedPath(RoutingContext ctx) {
        try {
            return ApiPaths.of(ctx);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pathOf(HttpServerRequest request) {
        try {
            return request.path();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private boolean isPage(String path) {
        if (path == null) {
            return false;
        }
        // The router matches "/password-reset/" to the route "/password-reset" as well.
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return pagePaths.contains(trimmed);
    }
}
