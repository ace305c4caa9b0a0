package com.smartconnect.adapters.web.portal;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of the pages that the links of mails open (a reseller's accept and unsubscribe links, the links of
 * Event Notifications): the values of the {@code pages/reseller.mustache} template, built up in reading order.
 */
public final class LinkPage {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String MULTIPART_FORM = "multipart/form-data";
    static final String NOTHING_MORE = "There is nothing more to do; you can close this page.";
    static final String OPEN_AGAIN =
            "Please open the link from the email again, or copy the whole address from the email into your browser.";

    private final int status;
    private final Map<String, Object> values = new HashMap<>();
    private final List<String> paragraphs = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Whether the request's body is of the media type {@code expected} (parameters such as a charset aside). */
    static boolean hasMediaType(RoutingContext ctx, String expected) {
        return HtmlPage.hasMediaType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), expected);
    }

    /** Whether the request's body is a form, as a browser posts it (URL-encoded or multipart). */
    static boolean isForm(RoutingContext ctx) {
        return hasMediaType(ctx, FORM) || hasMediaType(ctx, MULTIPART_FORM);
    }

    /** The answer to a link whose token is missing. */
    static LinkPage incomplete() {
        return new LinkPage(400, "Link incomplete", "This link is incomplete.").paragraph(OPEN_AGAIN);
    }

    /** The answer to a post whose form could not be read (not a form, or too large). */
    static LinkPage formNotReadable(int status) {
        return new LinkPage(status, "Form not readable",
                status == 413 ? "The form sent was too large." : "The form could not be read.")
                .paragraph("Please open the link from the email again and click the button on that page.");
    }

    /**
     * The page for a request refused for its form, and not for anything the link says: a body that cannot be read,
     * a wrong method, an address or headers over the limits. Empty for any other status: an unexpected failure.
     */
    public static Optional<LinkPage> refusal(int status) {
        return Optional.ofNullable(switch (status) {
            case 400, 413, 415 -> formNotReadable(status);
            case 405 -> new LinkPage(405, "Not available", "This page does not answer this kind of request.")
                    .paragraph(OPEN_AGAIN);
            case 414, 431 -> new LinkPage(status, "Link not readable", "This link could not be read.")
                    .paragraph(OPEN_AGAIN);
            default -> null;
        });
    }

    /**
     * Answers a failure on a link page (a form over the body limit, an unexpected error) as a page, not JSON; logs the
     * unexpected ones with the path only, as the query string carries the link's token.
     */
    public static void answerFailure(RoutingContext ctx, HtmlPage template, System.Logger log) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        Optional<LinkPage> refusal = refusal(status);
        if (refusal.isPresent()) {
            refusal.get().sendTo(ctx, template);
            return;
        }
        log.log(System.Logger.Level.ERROR, "Unexpected failure answering " + ctx.request().method() + " "
                + ctx.request().path() + " (status " + status + ")", ctx.failure());
        new LinkPage(500, "Something went wrong", "Something went wrong on our side.")
                .paragraph("Please try again later by opening the link from the email again.")
                .sendTo(ctx, template);
    }

    LinkPage(int status, String title, String heading) {
        this.status = status;
        values.put("title", title);
        values.put("heading", heading);
        values.put("form", false);
    }

    LinkPage paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    LinkPage item(String text) {
        items.add(text);
        return this;
    }

    LinkPage note(String text) {
        notes.add(text);
        return this;
    }

    LinkPage form(String prompt, String action, String token, String button) {
        values.put("form", true);
        values.put("prompt", prompt);
        values.put("action", action);
        values.put("token", token);
        values.put("button", button);
        return this;
    }

    void sendTo(RoutingContext ctx, HtmlPage template) {
        sendTo(ctx.response(), template);
    }

    public void sendTo(HttpServerResponse response, HtmlPage template) {
        values.put("paragraphs", List.copyOf(paragraphs));
        values.put("hasItems", !items.isEmpty());
        values.put("items", List.copyOf(items));
        values.put("hasNotes", !notes.isEmpty());
        values.put("notes", List.copyOf(notes));
        template.sendTo(response, status, values);
    }
}
