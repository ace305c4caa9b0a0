package com.smartconnect.adapters.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a body that is not a JSON object before the contract validation sees it. The validator would call
 * both a wrong media type and broken JSON a plain 400; clients need 415 and {@code MALFORMED_JSON} to tell
 * "you sent the wrong thing" from "you sent it wrong". The paths of HTML pages are let through: a browser posts
 * their forms form-encoded, and their handlers check the body themselves.
 */
final class JsonBodyGate implements Handler<RoutingContext> {

    private final Set<String> pagePaths;

    JsonBodyGate(Set<String> pagePaths) {
        this.pagePaths = Set.copyOf(pagePaths);
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestBody body = ctx.body();
        if (body == null || body.length() <= 0 || isPage(ApiPaths.of(ctx))) {
            ctx.next();
            return;
        }
        if (!isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            Problem.unsupportedMediaType().sendTo(ctx);
            return;
        }
        Object value;
        try {
            value = Json.decodeValue(body.buffer());
        } catch (DecodeException e) {
            Problem.malformedJson("The request body is not valid JSON.").sendTo(ctx);
            return;
        }
        if (!(value instanceof JsonObject)) {
            Problem.malformedJson("The request body must be a JSON object.").sendTo(ctx);
            return;
        }
        ctx.next();
    }

    private boolean isPage(String path) {
        // The router matches "/password-reset/" to the route "/password-reset" as well.
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return pagePaths.contains(trimmed);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        // Only plain JSON: the contract declares application/json, and its validator refuses other JSON types.
        return mediaType.equals("application/json");
    }
}
