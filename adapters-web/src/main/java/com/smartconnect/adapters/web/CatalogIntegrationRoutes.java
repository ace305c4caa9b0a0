package com.smartconnect.adapters.web;

import com.smartconnect.application.catalog.port.in.CatalogRowError;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The integration endpoint of the device catalog (behind {@link IntegrationAuthentication}): another application,
 * or an operator beside a running server, imports a catalog CSV as {@code ./smartconnect catalog import} does, all
 * rows or none. A catalog is larger than the API's JSON bodies may be, so the operation reads its own body (routed
 * like an upload), up to {@link #MAX_BYTES}.
 */
final class CatalogIntegrationRoutes {

    /** About 100,000 devices' rows: a factory's batch, while one request still fits in memory comfortably. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final String CSV = CatalogIntegrationRoutes.class.getName() + ".csv";

    private final Optional<HttpApi.DeviceUseCases> useCases;
    private final Blocking blocking;

    CatalogIntegrationRoutes(Optional<HttpApi.DeviceUseCases> useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
    }

    /**
     * Reads a {@code text/csv} body in UTF-8, at most {@link #MAX_BYTES}, into the routing context; the body has been
     * held back since the route began ({@link LabelPhotoUpload#holdBody}), so only an authenticated request gets it
     * read.
     */
    static Handler<RoutingContext> bodyReader() {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("text/csv")) {
                new Problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                        "The request body must be the catalog as CSV in UTF-8 (Content-Type: text/csv).").sendTo(ctx);
                return;
            }
            Buffer body = Buffer.buffer();
            boolean[] tooLarge = {false};
            request.handler(chunk -> {
                if (body.length() + chunk.length() > MAX_BYTES) {
                    tooLarge[0] = true;
                } else if (!tooLarge[0]) {
                    body.appendBuffer(chunk);
                }
            });
            request.exceptionHandler(ctx::fail);
            request.endHandler(end -> {
                if (ctx.failed() || ctx.response().ended()) {
                    return;
                }
                if (tooLarge[0]) {
                    new Problem(ProblemCode.BODY_TOO_LARGE, "A catalog import takes at most "
                            + MAX_BYTES / (1024 * 1024) + " MiB: please split the file.").sendTo(ctx);
                    return;
                }
                try {
                    ctx.put(CSV, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body.getBytes())).toString());
                } catch (CharacterCodingException e) {
                    new Problem(ProblemCode.CATALOG_NOT_UTF8, "The catalog must be UTF-8 text.").sendTo(ctx);
                    return;
                }
                ctx.next();
            });
            request.resume();
        };
    }

    void importCatalog(RoutingContext ctx) {
        IntegrationAuthentication.integration(ctx); // only behind the integration key
        String csv = ctx.get(CSV);
        if (csv == null) {
            throw new IllegalStateException("the operation is not behind its body reader");
        }
        if (useCases.isEmpty()) {
            Problem.notFound().sendTo(ctx);
            return;
        }
        ImportCatalogResult result = blocking.run(() -> useCases.get().importCatalog()
                .importCatalog(new ImportCatalogCommand(csv)));
        switch (result) {
            case ImportCatalogResult.Imported imported -> RegistrationRoutes.json(ctx, 200,
                    new JsonObject().put("added", imported.added()).put("updated", imported.updated()));
            case ImportCatalogResult.Rejected rejected -> {
                JsonArray errors = new JsonArray();
                for (CatalogRowError error : rejected.errors()) {
                    JsonObject json = new JsonObject().put("line", error.line());
                    if (!error.field().isEmpty()) {
                        json.put("field", error.field());
                    }
                    errors.add(json.put("message", error.message()));
                }
                new Problem(ProblemCode.CATALOG_INVALID, "Nothing was imported: the catalog has "
                        + rejected.errors().size() + " errors, each with its line (1 is the header).",
                        Map.of("errors", errors)).sendTo(ctx);
            }
        }
    }
}
