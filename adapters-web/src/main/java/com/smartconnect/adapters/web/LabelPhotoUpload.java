package com.smartconnect.adapters.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Reads the body of a label photo upload, which {@link #holdBody} has held back since the route began (chunks that
 * arrive before a handler listens are otherwise lost): one file part of {@code multipart/form-data}, or a bare
 * {@code image/png} / {@code image/jpeg} body, at most {@link LabelPhoto#MAX_BYTES}. The bytes are put in the routing
 * context for the handler.
 */
public final class LabelPhotoUpload implements Handler<RoutingContext> {

    private static final String PHOTO = LabelPhotoUpload.class.getName() + ".photo";

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Buffer photo = Buffer.buffer();
        boolean[] tooLarge = {false};
        boolean[] seenFile = {false};
        Handler<Buffer> collect = chunk -> {
            if (photo.length() + chunk.length() > LabelPhoto.MAX_BYTES) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                photo.appendBuffer(chunk);
            }
        };
        if (mediaType.equals("multipart/form-data")) {
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                if (seenFile[0]) {
                    upload.handler(ignored -> { });
                    return;
                }
                seenFile[0] = true;
                upload.handler(collect);
            });
        } else if (mediaType.equals("image/png") || mediaType.equals("image/jpeg")) {
            seenFile[0] = true;
            request.handler(collect);
        } else {
            new Problem(ProblemCode.UNSUPPORTED_PHOTO_TYPE,
                    "Please send a photo of the UPS label as a PNG or JPEG image (multipart/form-data).").sendTo(ctx);
            return;
        }
        request.exceptionHandler(ctx::fail);
        request.endHandler(end -> {
            if (ctx.failed() || ctx.response().ended()) {
                // Reading the body failed and the failure is answered already.
                return;
            }
            if (tooLarge[0]) {
                Problem.bodyTooLarge().sendTo(ctx);
            } else if (!seenFile[0] || photo.length() == 0) {
                new Problem(ProblemCode.LABEL_PHOTO_MISSING, "Please attach a photo of the UPS label.")
                        .sendTo(ctx);
            } else {
                ctx.put(PHOTO, photo.getBytes());
                ctx.next();
            }
        });
        // The router holds a request's body back until a handler asks for it (BodyHandler does so for the others).
        request.resume();
    }

    /**
     * Holds the body back until a later handler reads it, so that the session is checked first. When the answer
     * leaves with the body unread, the rest is read and dropped so the connection can carry the next request; a
     * rest larger than the largest photo closes the connection instead. Closing at once could cut off the answer,
     * which may still be on its way out.
     */
    public static void holdBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        ctx.addEndHandler(done -> {
            if (request.isEnded()) {
                return;
            }
            long[] dropped = {0};
            request.exceptionHandler(ignored -> { });
            request.handler(chunk -> {
                dropped[0] += chunk.length();
                if (dropped[0] > LabelPhoto.MAX_BYTES) {
                    request.connection().close();
                }
            });
            request.resume();
        });
        ctx.next();
    }

    /** The photo a request carried (this handler let it through). */
    static byte[] photo(RoutingContext ctx) {
        byte[] photo = ctx.get(PHOTO);
        if (photo == null) {
            throw new IllegalStateException("the operation is not behind " + LabelPhotoUpload.class.getSimpleName());
        }
        return photo;
    }
}
