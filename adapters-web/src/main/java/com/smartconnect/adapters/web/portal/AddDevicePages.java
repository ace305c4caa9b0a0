package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.LabelPhoto;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Add Device, in the two ways of the seed: QR Code Scan and Product Codes. The scanner is the page's script: it asks
 * for the camera, lets the person choose one, shows the video and posts a small frame a few times a second to
 * {@code POST /devices/scan}, which reads it with ZXing, as the label photo upload does. Decoding on the server keeps
 * one QR reader in the product (no second one in the browser to keep up to date, no WebJar to vet) and a frame of at
 * most 480 pixels is a few tens of kilobytes. Where the browser gives no camera (refused, or a page over plain HTTP),
 * the page says why and offers the Product Codes form and the upload of a photo of the label, which work without a
 * script.
 */
final class AddDevicePages {

    /** The header a script's request carries the form token in. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Portal portal;

    AddDevicePages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /devices/add}. */
    void show(RoutingContext ctx) {
        if (!Portal.visitOf(ctx).loggedIn()) {
            Portal.redirect(ctx, "/login?next=/devices/add");
            return;
        }
        portal.send(ctx, page());
    }

    /**
     * {@code POST /devices/scan}: one camera frame (a JPEG or PNG body, the form token in {@value #CSRF_HEADER}).
     * Answers JSON: {@code found} false while no QR code is in sight; with a label's code, the {@code location} of
     * its Register UPS page; with another code, a {@code message} to show.
     */
    void scan(RoutingContext ctx) {
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            json(ctx, 401, new JsonObject().put("found", false).put("location", "/login?next=/devices/add"));
            return;
        }
        if (!portal.csrfMatches(ctx, ctx.request().getHeader(CSRF_HEADER))) {
            json(ctx, 403, new JsonObject().put("found", false));
            return;
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        byte[] frame = body == null ? new byte[0] : body.getBytes();
        if (!LabelPhoto.isPngOrJpeg(frame)) {
            json(ctx, 415, new JsonObject().put("found", false));
            return;
        }
        Optional<String> text = portal.blocking.run(() -> LabelPhoto.qrText(frame));
        if (text.isEmpty()) {
            json(ctx, 200, new JsonObject().put("found", false));
            return;
        }
        Optional<LabelCodes> codes = LabelCodes.fromQrText(text.get());
        json(ctx, 200, codes.map(found -> new JsonObject().put("found", true).put("location", found.registerPath()))
                .orElseGet(() -> new JsonObject().put("found", true).put("message",
                        portal.messages.get("add.qr.notLabel"))));
    }

    /**
     * {@code POST /devices/photo}: a photo of the label ({@code multipart/form-data}, field {@code photo}), read
     * before the root body handler, which does not keep files. The body is held back until the visitor is known.
     */
    void photo(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Portal.Visit visit = Portal.visitOf(ctx);
        String type = Optional.ofNullable(request.getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
        if (!visit.loggedIn() || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            // Without a session nothing is read; the rest of the body is dropped after the answer.
            Portal.redirect(ctx, "/login?next=/devices/add");
            return;
        }
        Buffer photo = Buffer.buffer();
        boolean[] tooLarge = {false};
        boolean[] seenFile = {false};
        request.setExpectMultipart(true);
        request.uploadHandler(upload -> {
            if (seenFile[0] || !upload.name().equals("photo")) {
                upload.handler(ignored -> { });
                return;
            }
            seenFile[0] = true;
            upload.handler(chunk -> {
                if (photo.length() + chunk.length() > LabelPhoto.MAX_BYTES) {
                    tooLarge[0] = true;
                } else if (!tooLarge[0]) {
                    photo.appendBuffer(chunk);
                }
            });
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(end -> {
            if (ctx.failed() || ctx.response().ended()) {
                return;
            }
            if (!portal.csrfMatches(ctx, Optional.ofNullable(request.formAttributes().get(Portal.CSRF_FIELD))
                    .orElse(""))) {
                portal.csrfChecked(ctx, Form.empty());
                return;
            }
            byte[] bytes = photo.getBytes();
            if (tooLarge[0]) {
                portal.send(ctx, page().status(413).error("photo", portal.messages.get("add.photo.tooLarge")));
            } else if (!seenFile[0] || bytes.length == 0) {
                portal.send(ctx, page().status(400).error("photo", portal.messages.get("add.photo.missing")));
            } else if (!LabelPhoto.isPngOrJpeg(bytes)) {
                portal.send(ctx, page().status(415).error("photo", portal.messages.get("add.photo.type")));
            } else {
                Optional<LabelCodes> codes = LabelPhoto.qrText(bytes).flatMap(LabelCodes::fromQrText);
                if (codes.isPresent()) {
                    Portal.redirect(ctx, codes.get().registerPath());
                } else {
                    portal.send(ctx, page().status(422).error("photo", portal.messages.get("add.photo.unreadable")));
                }
            }
        });
        request.resume();
    }

    private Page page() {
        return Page.of("add-device", "add.title");
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
