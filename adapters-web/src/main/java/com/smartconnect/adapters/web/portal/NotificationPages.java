package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.Blocking;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase.Enabling;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase.Unsubscription;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages the links of event notification mails open, without a login: "Unsubscribe from Email Event
 * Notifications" and the alert's "Enable Notifications". As {@link ResellerPages}: opening a link only shows a page
 * with a button (mail scanners follow links), and only the button's post, with the token in a hidden field, changes
 * anything; the unsubscribe address also takes the RFC 8058 one-click post ({@code List-Unsubscribe=One-Click}, the
 * token in the query string). Tokens are never logged, and the pages send no {@code Referer}. They use the generic
 * template of the reseller pages.
 */
public final class NotificationPages {

    static final String UNSUBSCRIBE_PATH = "/notifications/unsubscribe";
    static final String ENABLE_PATH = "/notifications/enable";
    static final String UNSUBSCRIBE_HEADING = "Unsubscribe from Email Event Notifications";
    static final String UNSUBSCRIBE_BUTTON = "Unsubscribe";
    static final String NO_LONGER_SUBSCRIBED = "You are no longer subscribed to email notifications.";
    static final String RESUBSCRIBE = "To resubscribe, log in to the Web Portal, visit Email Notifications, create a "
            + "notification and select your email notification preference, then click Save Settings.";
    static final String ENABLE_BUTTON = "Enable Notifications";
    static final String ALREADY_ON = "Event Notifications are on";
    /** When a disabling ends, in the device's time zone, e.g. "20 November 2026 at 09:30 (Europe/Paris)". */
    static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    private static final Logger LOG = System.getLogger(NotificationPages.class.getName());

    private final Optional<HttpApi.NotificationUseCases> useCases;
    private final Blocking blocking;
    private final HtmlPage template;

    public NotificationPages(Optional<HttpApi.NotificationUseCases> useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
        this.template = HtmlPage.load(ResellerPages.TEMPLATE);
    }

    /** {@code GET /notifications/unsubscribe?token=...}: who is unsubscribed from what, and the button; changes nothing. */
    public void showUnsubscribe(RoutingContext ctx) {
        String token = HtmlPage.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<Unsubscription> link = links().flatMap(links -> blocking.run(() -> links.unsubscription(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "unsubscribe");
            return;
        }
        Unsubscription unsubscription = link.get();
        if (!unsubscription.subscribed()) {
            noLongerSubscribed(unsubscription).sendTo(ctx, template);
            return;
        }
        new LinkPage(200, "Unsubscribe", UNSUBSCRIBE_HEADING)
                .paragraph(unsubscription.recipient() + " receives email event notifications about the UPS "
                        + unsubscription.deviceName() + ".")
                .paragraph("If you unsubscribe, " + unsubscription.recipient() + " receives no more emails about the "
                        + "events of " + unsubscription.deviceName() + " from this notification.")
                .form("To stop these emails, click Unsubscribe.", UNSUBSCRIBE_PATH, token, UNSUBSCRIBE_BUTTON)
                .note("To keep receiving them, just close this page.")
                .sendTo(ctx, template);
    }

    /**
     * {@code POST /notifications/unsubscribe}: the page's button (the token in the form), or a mail client's RFC 8058
     * one-click unsubscribe (the token in the query string, {@code List-Unsubscribe=One-Click} in the form).
     */
    public void unsubscribe(RoutingContext ctx) {
        boolean form = LinkPage.isForm(ctx);
        if (!form && ctx.body() != null && ctx.body().length() > 0) {
            formNotReadable(ctx, 415);
            return;
        }
        String formToken = form ? HtmlPage.nonBlank(ctx.request().formAttributes().get("token")) : null;
        String token = formToken != null ? formToken : HtmlPage.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<Unsubscription> link = links().flatMap(links -> blocking.run(() -> links.unsubscribe(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "unsubscribe");
            return;
        }
        noLongerSubscribed(link.get()).sendTo(ctx, template);
    }

    /** {@code GET /notifications/enable?token=...}: until when notifications are off, and the button; changes nothing. */
    public void showEnable(RoutingContext ctx) {
        String token = HtmlPage.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<Enabling> link = links().flatMap(links -> blocking.run(() -> links.enabling(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "enable");
            return;
        }
        Enabling enabling = link.get();
        if (enabling.disabledUntil().isEmpty()) {
            alreadyOn(enabling).sendTo(ctx, template);
            return;
        }
        if (!enabling.ofThisLink()) {
            outOfDate(enabling).sendTo(ctx, template);
            return;
        }
        new LinkPage(200, "Enable Notifications", "Enable Event Notifications for " + enabling.deviceName() + "?")
                .paragraph(enabling.deviceName() + " reported so many events that its Event Notifications were "
                        + "disabled until " + until(enabling.disabledUntil().get(), enabling.timeZone()) + ".")
                .paragraph("If you enable them now, the notifications of " + enabling.deviceName()
                        + " are emailed again from the next event.")
                .form("To turn them back on, click Enable Notifications.", ENABLE_PATH, token, ENABLE_BUTTON)
                .note("Otherwise they come back on by themselves at that time; you can close this page.")
                .sendTo(ctx, template);
    }

    /** {@code POST /notifications/enable}: the Enable Notifications button; ends the link's disabling. */
    public void enable(RoutingContext ctx) {
        if (!LinkPage.isForm(ctx)) {
            formNotReadable(ctx, 415);
            return;
        }
        String token = HtmlPage.nonBlank(ctx.request().formAttributes().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<Enabling> link = links().flatMap(links -> blocking.run(() -> links.enable(token)));
        if (link.isEmpty()) {
            linkNotFound(ctx, "enable");
            return;
        }
        if (link.get().disabledUntil().isPresent()) {
            outOfDate(link.get()).sendTo(ctx, template);
            return;
        }
        new LinkPage(200, "Notifications enabled", "Event Notifications for " + link.get().deviceName()
                + " are enabled again.")
                .paragraph("Their mails go out again from the next event of " + link.get().deviceName() + ".")
                .paragraph(LinkPage.NOTHING_MORE)
                .sendTo(ctx, template);
    }

    /** Failures on these pages (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        LinkPage.answerFailure(ctx, template, LOG);
    }

    /** When the use cases are not wired, no link is one the server made. */
    private Optional<NotificationLinkUseCase> links() {
        return useCases.map(HttpApi.NotificationUseCases::links);
    }

    static String until(Instant at, ZoneId zone) {
        return UNTIL.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static LinkPage noLongerSubscribed(Unsubscription unsubscription) {
        return new LinkPage(200, "Unsubscribed", NO_LONGER_SUBSCRIBED)
                .paragraph(unsubscription.recipient() + " receives no more email event notifications about the UPS "
                        + unsubscription.deviceName() + " from this notification.")
                .paragraph(RESUBSCRIBE);
    }

    private static LinkPage alreadyOn(Enabling enabling) {
        return new LinkPage(200, "Notifications on", ALREADY_ON)
                .paragraph("Event Notifications for " + enabling.deviceName() + " are not disabled: their mails go "
                        + "out as set up.")
                .paragraph(LinkPage.NOTHING_MORE);
    }

    /** The link of an earlier alert: the device was disabled again since, and this link does not end that. */
    private static LinkPage outOfDate(Enabling enabling) {
        return new LinkPage(200, "Link out of date", "Event Notifications for " + enabling.deviceName()
                + " are disabled until " + until(enabling.disabledUntil().orElseThrow(), enabling.timeZone()) + ".")
                .paragraph("This link belongs to an earlier alert: the device generated many notifications again "
                        + "since, and its notifications were disabled once more.")
                .paragraph("To enable them now, use the Enable Notifications link of the latest alert, or enable them "
                        + "in the Web Portal under Email Notifications. Otherwise they come back on by themselves at "
                        + "that time.");
    }

    private void linkNotFound(RoutingContext ctx, String kind) {
        new LinkPage(404, "Link not valid", "This " + kind + " link is not valid.")
                .paragraph("We could not find the notification this link belongs to; it may have been deleted, or the "
                        + "link was not copied completely.")
                .paragraph(LinkPage.OPEN_AGAIN)
                .paragraph("You can also manage the notifications of your UPS in the Web Portal, under Email "
                        + "Notifications.")
                .sendTo(ctx, template);
    }

    private void incomplete(RoutingContext ctx) {
        LinkPage.incomplete().sendTo(ctx, template);
    }

    private void formNotReadable(RoutingContext ctx, int status) {
        LinkPage.formNotReadable(status).sendTo(ctx, template);
    }
}
