package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase.Enabling;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase.Unsubscription;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.domain.device.ProductId;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages the links of event notification mails open, without a login: "Unsubscribe from Email Event
 * Notifications" and the alert's "Enable Notifications". As {@link ResellerPages}: opening a link only shows a page
 * with a button (mail scanners follow links), and only the button's post, with the token and the page's {@code csrf}
 * in hidden fields, changes anything; the unsubscribe address also takes the RFC 8058 one-click post ({@code List-Unsubscribe=One-Click}, the
 * token in the query string). Tokens are never logged, and the pages send no {@code Referer}.
 */
public final class NotificationPages {

    static final String UNSUBSCRIBE_PATH = "/notifications/unsubscribe";
    static final String ENABLE_PATH = "/notifications/enable";
    /** When a disabling ends, in the device's time zone, e.g. "20 November 2026 at 09:30 (Europe/Paris)". */
    static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    private final Optional<HttpApi.NotificationUseCases> useCases;
    private final LinkPages pages;
    private final Portal portal;

    NotificationPages(LinkPages pages, Optional<HttpApi.NotificationUseCases> useCases) {
        this.useCases = useCases;
        this.pages = pages;
        this.portal = pages.portal;
    }

    /** {@code GET /notifications/unsubscribe?token=...}: who is unsubscribed from what, and the button; changes nothing. */
    public void showUnsubscribe(RoutingContext ctx) {
        String token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<Unsubscription> link = links().flatMap(links -> portal.blocking.run(() -> links.unsubscription(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "notification.unsubscribe.notValid");
            return;
        }
        Unsubscription unsubscription = link.get();
        if (!unsubscription.subscribed()) {
            noLongerSubscribed(unsubscription).sendTo(ctx);
            return;
        }
        pages.answer(200, "notification.unsubscribe.title", "notification.unsubscribe.heading")
                .paragraph("notification.unsubscribe.receives", unsubscription.recipient(), unsubscription.deviceName())
                .paragraph("notification.unsubscribe.effect", unsubscription.recipient(), unsubscription.deviceName())
                .form(pages.text("notification.unsubscribe.prompt"), UNSUBSCRIBE_PATH, token,
                        "notification.unsubscribe.button")
                .note("notification.unsubscribe.note")
                .sendTo(ctx);
    }

    /**
     * {@code POST /notifications/unsubscribe}: the page's button (the token in the form), or a mail client's RFC 8058
     * one-click unsubscribe (the token in the query string, {@code List-Unsubscribe=One-Click} in the form).
     */
    public void unsubscribe(RoutingContext ctx) {
        boolean form = LinkPages.isForm(ctx);
        if (!form && ctx.body() != null && ctx.body().length() > 0) {
            pages.formNotReadable(415).sendTo(ctx);
            return;
        }
        if (!LinkPages.isOneClick(ctx) && !portal.csrfChecked(ctx, Form.of(ctx))) {
            return;
        }
        String formToken = form ? LinkPages.nonBlank(ctx.request().formAttributes().get("token")) : null;
        String token = formToken != null ? formToken : LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<Unsubscription> link = links().flatMap(links -> portal.blocking.run(() -> links.unsubscribe(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "notification.unsubscribe.notValid");
            return;
        }
        noLongerSubscribed(link.get()).sendTo(ctx);
    }

    /** {@code GET /notifications/enable?token=...}: until when notifications are off, and the button; changes nothing. */
    public void showEnable(RoutingContext ctx) {
        String token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<Enabling> link = links().flatMap(links -> portal.blocking.run(() -> links.enabling(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "notification.enable.notValid");
            return;
        }
        Enabling enabling = link.get();
        if (enabling.disabledUntil().isEmpty()) {
            alreadyOn(enabling).sendTo(ctx);
            return;
        }
        if (!enabling.ofThisLink()) {
            outOfDate(enabling).sendTo(ctx);
            return;
        }
        pages.answer(200, "notification.enable.title", "notification.enable.heading", enabling.deviceName())
                .paragraph("notification.enable.disabled", enabling.deviceName(),
                        until(enabling.disabledUntil().get(), enabling.timeZone()))
                .paragraph("notification.enable.effect", enabling.deviceName())
                .form(pages.text("notification.enable.prompt"), ENABLE_PATH, token, "notification.enable.button")
                .note("notification.enable.note")
                .sendTo(ctx);
    }

    /** {@code POST /notifications/enable}: the Enable Notifications button; ends the link's disabling. */
    public void enable(RoutingContext ctx) {
        if (!LinkPages.isForm(ctx)) {
            pages.formNotReadable(415).sendTo(ctx);
            return;
        }
        if (!portal.csrfChecked(ctx, Form.of(ctx))) {
            return;
        }
        String token = LinkPages.nonBlank(ctx.request().formAttributes().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<Enabling> link = links().flatMap(links -> portal.blocking.run(() -> links.enable(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "notification.enable.notValid");
            return;
        }
        if (link.get().disabledUntil().isPresent()) {
            outOfDate(link.get()).sendTo(ctx);
            return;
        }
        toSettings(pages.answer(200, "notification.enabled.title", "notification.enabled.heading",
                        link.get().deviceName())
                .paragraph("notification.enabled.text", link.get().deviceName())
                .paragraph("link.nothingMore"), link.get().productId(), link.get().deviceName())
                .sendTo(ctx);
    }

    /** Failures on these pages (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        pages.answerFailure(ctx);
    }

    /** When the use cases are not wired, no link is one the server made. */
    private Optional<NotificationLinkUseCase> links() {
        return useCases.map(HttpApi.NotificationUseCases::links);
    }

    static String until(Instant at, ZoneId zone) {
        return UNTIL.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private LinkPages.Answer noLongerSubscribed(Unsubscription unsubscription) {
        LinkPages.Answer answer = pages.answer(200, "notification.unsubscribed.title",
                        "notification.unsubscribed.heading")
                .paragraph("notification.unsubscribed.text", unsubscription.recipient(), unsubscription.deviceName())
                .paragraph("notification.unsubscribed.resubscribe");
        return toSettings(answer, unsubscription.productId(), unsubscription.deviceName());
    }

    /**
     * The UPS's Email Notifications page, when the portal is on; a visitor who is not logged in logs in first and comes
     * back to it.
     */
    private LinkPages.Answer toSettings(LinkPages.Answer answer, ProductId productId, String deviceName) {
        return portal.on() ? answer.link(NotificationSettingsPages.PATH + "?productId=" + productId.value(),
                pages.text("notifications.unsubscribed.manage", deviceName)) : answer;
    }

    private LinkPages.Answer alreadyOn(Enabling enabling) {
        return pages.answer(200, "notification.on.title", "notification.on.heading")
                .paragraph("notification.on.text", enabling.deviceName())
                .paragraph("link.nothingMore");
    }

    /** The link of an earlier alert: the device was disabled again since, and this link does not end that. */
    private LinkPages.Answer outOfDate(Enabling enabling) {
        LinkPages.Answer answer = pages.answer(200, "notification.outOfDate.title", "notification.outOfDate.heading",
                        enabling.deviceName(), until(enabling.disabledUntil().orElseThrow(), enabling.timeZone()))
                .paragraph("notification.outOfDate.earlier")
                .paragraph("notification.outOfDate.how");
        return toSettings(answer, enabling.productId(), enabling.deviceName());
    }

    private void linkNotFound(RoutingContext ctx, String headingKey) {
        pages.answer(404, "notification.notValid.title", headingKey)
                .paragraph("notification.notValid.text")
                .paragraph("link.openAgain")
                .paragraph("notification.notValid.portal")
                .sendTo(ctx);
    }
}
