package com.smartconnect.adapters.web.portal;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The portal's static files, read once from the classpath: our stylesheet and script, and htmx from its WebJar. A
 * fixed list, so no path a request names can reach another resource.
 */
final class Assets implements Handler<RoutingContext> {

    static final String PREFIX = "/assets/";

    private record Asset(Buffer content, String type) {
    }

    private final Map<String, Asset> files = Map.of(
            "portal.css", load("/portal/assets/portal.css", "text/css; charset=UTF-8"),
            "portal.js", load("/portal/assets/portal.js", "text/javascript; charset=UTF-8"),
            "devices.css", load("/portal/assets/devices.css", "text/css; charset=UTF-8"),
            "devices.js", load("/portal/assets/devices.js", "text/javascript; charset=UTF-8"),
            "event-log.js", load("/portal/assets/event-log.js", "text/javascript; charset=UTF-8"),
            "htmx.min.js", load("/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js",
                    "text/javascript; charset=UTF-8"),
            // The history charts of the UPS Status page: uPlot from its WebJar, and our script that draws with it.
            "uPlot.iife.min.js", load("/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                    "text/javascript; charset=UTF-8"),
            "uPlot.min.css", load("/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
                    "text/css; charset=UTF-8"),
            "history.js", load("/portal/assets/history.js", "text/javascript; charset=UTF-8"));

    @Override
    public void handle(RoutingContext ctx) {
        Asset asset = files.get(ctx.request().path().substring(PREFIX.length()));
        if (asset == null) {
            ctx.next();
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asset.type())
                // Replaces the no-store of the API's answers: these files change only with a new release.
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(asset.content());
    }

    private static Asset load(String resource, String type) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new Asset(Buffer.buffer(in.readAllBytes()), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
