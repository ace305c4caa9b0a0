package com.smartconnect.adapters.web.portal;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages that the links of mails open share (the reset of a password, a reseller's accept and unsubscribe
 * links, the links of Event Notifications): the portal's frame and texts, the visitor, and the pages that refuse a
 * request for its form rather than for anything the link says. Their headers keep a page to itself: scripts of this
 * origin only, no framing, forms only to this origin, and no {@code Referer} that would leak the link's token.
 */
public final class LinkPages {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String MULTIPART_FORM = "multipart/form-data";

    private static final Logger LOG = System.getLogger(LinkPages.class.getName());

    final Portal portal;

    LinkPages(Portal portal) {
        this.portal = portal;
    }

    /** The first handler of every link page: finds the visitor, for the frame's navigation and the forms' token. */
    public void visit(RoutingContext ctx) {
        portal.visit(ctx);
    }

    /**
     * Answers a failure on a page (a form over the body limit, a wrong method, an unexpected error) as a page, not
     * JSON; logs the unexpected ones with the path only, as the query string carries the link's token.
     */
    public void answerFailure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        Portal.enterAsStranger(ctx);
        Optional<Answer> refusal = refusal(status);
        if (refusal.isPresent()) {
            refusal.get().sendTo(ctx);
            return;
        }
        LOG.log(Level.ERROR, "Unexpected failure answering " + ctx.request().method() + " "
                + ctx.request().path() + " (status " + status + ")", ctx.failure());
        answer(500, "link.failure.title", "link.failure.heading").paragraph("link.failure.text").sendTo(ctx);
    }

    /** The page for a request the HTTP parser refused under the path of a page (414, 431, or 400). */
    public void refuseUnreadable(HttpServerResponse response, int status) {
        Answer answer = refusal(status).orElseGet(() -> refusal(400).orElseThrow());
        portal.sendToStranger(response, answer.page());
    }

    /**
     * The page for a request refused for its form, and not for anything the link says: a body that cannot be read,
     * a wrong method, an address or headers over the limits. Empty for any other status: an unexpected failure.
     */
    Optional<Answer> refusal(int status) {
        return Optional.ofNullable(switch (status) {
            case 400, 413, 415 -> formNotReadable(status);
            case 405 -> answer(405, "link.notAvailable.title", "link.notAvailable.heading").paragraph("link.openAgain");
            case 414, 431 -> answer(status, "link.notReadable.title", "link.notReadable.heading")
                    .paragraph("link.openAgain");
            default -> null;
        });
    }

    /** The answer to a link whose token is missing. */
    Answer incomplete() {
        return answer(400, "link.incomplete.title", "link.incomplete.heading").paragraph("link.openAgain");
    }

    /** The answer to a post whose form could not be read (not a form, or too large). */
    Answer formNotReadable(int status) {
        return answer(status, "link.formNotReadable.title",
                status == 413 ? "link.formNotReadable.tooLarge" : "link.formNotReadable.heading")
                .paragraph("link.formNotReadable.text");
    }

    /** A page titled and headed with the texts of {@code titleKey} and {@code headingKey} and its arguments. */
    Answer answer(int status, String titleKey, String headingKey, Object... arguments) {
        return new Answer(status, titleKey, text(headingKey, arguments));
    }

    /** The text of {@code key}, with its arguments filled in when it takes any. */
    String text(String key, Object... arguments) {
        return arguments.length == 0 ? portal.messages.get(key) : portal.messages.format(key, arguments);
    }

    /** Whether the request's body is of the media type {@code expected} (parameters such as a charset aside). */
    static boolean hasMediaType(RoutingContext ctx, String expected) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(expected);
    }

    /** Whether the request's body is a form, as a browser posts it (URL-encoded or multipart). */
    /**
     * An RFC 8058 one-click unsubscribe: the mail provider posts {@code List-Unsubscribe=One-Click} on its own, with no
     * page and no cookie, so without the form's {@code csrf} field; the link's token in the URL is its secret.
     */
    static boolean isOneClick(RoutingContext ctx) {
        return isForm(ctx) && "One-Click".equals(ctx.request().formAttributes().get("List-Unsubscribe"));
    }

    static boolean isForm(RoutingContext ctx) {
        return hasMediaType(ctx, FORM) || hasMediaType(ctx, MULTIPART_FORM);
    }

    /** A form field or query parameter as given, stripped; {@code null} when it is missing or blank. */
    static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * One answer of a link page, built up in reading order: a heading, paragraphs, a list, the form with the
     * link's token and one button, and notes under it; every text from the bundle.
     */
    final class Answer {

        private final Page page;
        private final List<String> paragraphs = new ArrayList<>();
        private final List<String> items = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Answer(int status, String titleKey, String heading) {
            this.page = Page.of("link", titleKey).status(status).value("heading", heading);
        }

        Answer paragraph(String key, Object... arguments) {
            paragraphs.add(text(key, arguments));
            return this;
        }

        /** A paragraph already worded (such as two texts of the bundle in one). */
        Answer paragraphText(String text) {
            paragraphs.add(text);
            return this;
        }

        /** A link to a page of the portal, under the paragraphs (a mail's page that leads on to the portal). */
        Answer link(String href, String text) {
            page.value("pageLink", Map.of("href", href, "text", text));
            return this;
        }

        Answer item(String key, Object... arguments) {
            items.add(text(key, arguments));
            return this;
        }

        Answer note(String key, Object... arguments) {
            notes.add(text(key, arguments));
            return this;
        }

        /** The form that posts the link's {@code token} to {@code action}: the one way the page changes anything. */
        Answer form(String prompt, String action, String token, String buttonKey) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("prompt", prompt);
            form.put("action", action);
            form.put("token", token);
            form.put("button", text(buttonKey));
            page.value("linkForm", form);
            return this;
        }

        Page page() {
            page.value("paragraphs", List.copyOf(paragraphs));
            page.value("hasItems", !items.isEmpty());
            page.value("items", List.copyOf(items));
            page.value("hasNotes", !notes.isEmpty());
            page.value("notes", List.copyOf(notes));
            return page;
        }

        void sendTo(RoutingContext ctx) {
            portal.send(ctx, page());
        }
    }
}
