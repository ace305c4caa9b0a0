package com.smartconnect.adapters.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Headers every answer carries, problems included. A platform handler, so Vert.x Web runs it before the body
 * handler and it is in place even when reading the body fails.
 */
final class SecurityHeaders implements PlatformHandler {

    @Override
    public void handle(RoutingContext ctx) {
        putOn(ctx.response());
        ctx.next();
    }

    /** For answers given before the router runs this handler. */
    static void putOn(HttpServerResponse response) {
        response
                .putHeader("X-Content-Type-Options", "nosniff")
                // Answers carry registration state and codes; no cache between client and server should keep them.
                .putHeader("Cache-Control", "no-store");
    }
}
