package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.reseller.port.in.ResellerLink;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The pages the links of a reseller's mails open, without an account: "ACCEPT INVITE" and "Unsubscribe". Opening a
 * link only shows a page with a button (mail scanners follow links); the button's form posts the link's token and the
 * page's {@code csrf} field back, and only that post connects or unsubscribes. The unsubscribe address also takes the
 * RFC 8058 one-click post a mail client sends on its own ({@code List-Unsubscribe=One-Click}, the token in the query
 * string), which has no page and so no {@code csrf} field. Tokens travel in the
 * URL and the hidden field only: they are never logged, and the pages send no {@code Referer}.
 */
public final class ResellerPages {

    static final String ACCEPT_PATH = "/reseller/accept";
    static final String UNSUBSCRIBE_PATH = "/reseller/unsubscribe";

    private final LinkPages pages;
    private final Portal portal;

    ResellerPages(LinkPages pages) {
        this.pages = pages;
        this.portal = pages.portal;
    }

    /** {@code GET /reseller/accept?token=...}: what connecting means, and the button; changes nothing. */
    public void showInvitation(RoutingContext ctx) {
        String token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<ResellerLink> link = portal.blocking.run(() -> portal.useCases.resellerLinks().invitation(token));
        if (link.isEmpty()) {
            invitationNotFound(ctx);
            return;
        }
        Customer customer = customer(link.get());
        switch (link.get().state()) {
            case INVITED -> invitation(customer, token).sendTo(ctx);
            case CONNECTED -> pages.answer(200, "reseller.connected.title", "reseller.connected.heading", customer.who())
                    .paragraph("reseller.connected.already", customer.name())
                    .paragraph("link.nothingMore")
                    .note("reseller.optOut")
                    .sendTo(ctx);
            default -> invitationEnded(customer, link.get().state()).sendTo(ctx);
        }
    }

    /** {@code POST /reseller/accept}: the "ACCEPT INVITE" button; connects while the invitation is pending. */
    public void accept(RoutingContext ctx) {
        if (!LinkPages.hasMediaType(ctx, LinkPages.FORM)) {
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
        Optional<ResellerLink> link = portal.blocking.run(() -> portal.useCases.resellerLinks().accept(token));
        if (link.isEmpty()) {
            invitationNotFound(ctx);
            return;
        }
        Customer customer = customer(link.get());
        if (link.get().state() == ResellerConnectionState.CONNECTED) {
            pages.answer(200, "reseller.connected.title", "reseller.connected.now", customer.who())
                    .paragraph("reseller.connected.told", customer.name())
                    .paragraph("reseller.connected.schedule", customer.name())
                    .paragraph("link.nothingMore")
                    .note("reseller.optOut")
                    .sendTo(ctx);
        } else {
            invitationEnded(customer, link.get().state()).sendTo(ctx);
        }
    }

    /** {@code GET /reseller/unsubscribe?token=...}: the confirmation page with the button; changes nothing. */
    public void showUnsubscribe(RoutingContext ctx) {
        String token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        Optional<ResellerLink> link = portal.blocking.run(() -> portal.useCases.resellerLinks().subscription(token));
        if (link.isEmpty()) {
            unsubscribeLinkNotFound(ctx);
            return;
        }
        Customer customer = customer(link.get());
        switch (link.get().state()) {
            case INVITED -> pages.answer(200, "reseller.unsubscribe.title", "reseller.decline.heading", customer.who())
                    .paragraph("reseller.decline.invited", customer.who())
                    .paragraph("reseller.decline.effect", customer.name())
                    .form(pages.text("reseller.decline.prompt"), UNSUBSCRIBE_PATH, token, "reseller.unsubscribe.button")
                    .note("reseller.decline.note")
                    .sendTo(ctx);
            case CONNECTED -> pages.answer(200, "reseller.unsubscribe.title", "reseller.unsubscribe.heading",
                            customer.who())
                    .paragraph("reseller.unsubscribe.connected", customer.who())
                    .paragraph("reseller.unsubscribe.effect", customer.name())
                    .form(pages.text("reseller.unsubscribe.prompt"), UNSUBSCRIBE_PATH, token,
                            "reseller.unsubscribe.button")
                    .note("reseller.unsubscribe.note")
                    .sendTo(ctx);
            default -> alreadyUnsubscribed(customer, link.get().state()).sendTo(ctx);
        }
    }

    /**
     * {@code POST /reseller/unsubscribe}: the page's button (the token in the form), or a mail client's RFC 8058
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
        String token = form ? LinkPages.nonBlank(ctx.request().formAttributes().get("token")) : null;
        if (token == null) {
            token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        }
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        String unsubscribeToken = token;
        // Whether the connection was open before says whether this post ended it or found it ended already.
        Optional<ResellerLink> before = portal.blocking.run(
                () -> portal.useCases.resellerLinks().subscription(unsubscribeToken));
        Optional<ResellerLink> after = before.isEmpty()
                ? Optional.empty()
                : portal.blocking.run(() -> portal.useCases.resellerLinks().unsubscribe(unsubscribeToken));
        if (after.isEmpty()) {
            unsubscribeLinkNotFound(ctx);
            return;
        }
        Customer customer = customer(after.get());
        ResellerConnectionState state = after.get().state();
        boolean endedNow = before.get().state().isOpen();
        if (endedNow && state == ResellerConnectionState.DECLINED) {
            pages.answer(200, "reseller.declined.title", "reseller.declined.heading", customer.who())
                    .paragraph("reseller.declined.told", customer.name())
                    .paragraphText(pages.text("link.nothingMore") + " "
                            + pages.text("reseller.declined.again", customer.name()))
                    .sendTo(ctx);
        } else if (endedNow && state == ResellerConnectionState.UNSUBSCRIBED) {
            pages.answer(200, "reseller.unsubscribed.title", "reseller.unsubscribed.heading")
                    .paragraph("reseller.unsubscribed.ended", customer.who(), customer.name())
                    .paragraphText(pages.text("link.nothingMore") + " "
                            + pages.text("reseller.unsubscribed.again", customer.name()))
                    .sendTo(ctx);
        } else {
            alreadyUnsubscribed(customer, state).sendTo(ctx);
        }
    }

    /** Failures on these pages (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        pages.answerFailure(ctx);
    }

    private LinkPages.Answer invitation(Customer customer, String token) {
        return pages.answer(200, "reseller.invitation.title", "reseller.invitation.heading", customer.who())
                .paragraph("reseller.invitation.intro", customer.name())
                .item("reseller.invitation.item.notifications")
                .item("reseller.invitation.item.reminders")
                .item("reseller.invitation.item.contents")
                .item("reseller.invitation.item.contact")
                .form(pages.text("reseller.invitation.prompt", customer.who()), ACCEPT_PATH, token,
                        "reseller.accept.button")
                .note("reseller.invitation.free")
                .note("reseller.invitation.decline", customer.name())
                .note("reseller.optOut")
                .note("reseller.invitation.more");
    }

    /** HTTP 410: the invitation can no longer be accepted; says why, and how to connect after all. */
    private LinkPages.Answer invitationEnded(Customer customer, ResellerConnectionState state) {
        String reason = switch (state) {
            case EXPIRED -> pages.text("reseller.ended.expired");
            case CANCELLED -> pages.text("reseller.ended.cancelled", customer.name());
            case DISCONNECTED -> pages.text("reseller.ended.disconnected", customer.name());
            case DECLINED -> pages.text("reseller.ended.declined");
            case UNSUBSCRIBED -> pages.text("reseller.ended.unsubscribed", customer.who());
            case INVITED, CONNECTED -> throw new IllegalArgumentException("an open invitation has not ended: " + state);
        };
        return pages.answer(410, "reseller.ended.title", "reseller.ended.heading")
                .paragraphText(reason)
                .paragraph("reseller.ended.again", customer.who(), customer.name());
    }

    /** The connection behind an unsubscribe link ended before: nothing changes. */
    private LinkPages.Answer alreadyUnsubscribed(Customer customer, ResellerConnectionState state) {
        String reason = switch (state) {
            case DECLINED -> pages.text("reseller.already.declined", customer.who());
            case UNSUBSCRIBED -> pages.text("reseller.already.unsubscribed", customer.who());
            case EXPIRED -> pages.text("reseller.already.expired", customer.who());
            case CANCELLED -> pages.text("reseller.already.cancelled", customer.name());
            case DISCONNECTED -> pages.text("reseller.already.disconnected", customer.name());
            case INVITED, CONNECTED -> throw new IllegalArgumentException("an open connection has not ended: " + state);
        };
        return pages.answer(200, "reseller.unsubscribed.title", "reseller.already.heading")
                .paragraphText(reason + " " + pages.text("reseller.already.noMore", customer.name()))
                .paragraph("link.nothingMore");
    }

    private void invitationNotFound(RoutingContext ctx) {
        pages.answer(404, "reseller.notFound.title", "reseller.notFound.heading")
                .paragraph("link.openAgain")
                .paragraph("reseller.notFound.text")
                .sendTo(ctx);
    }

    private void unsubscribeLinkNotFound(RoutingContext ctx) {
        pages.answer(404, "reseller.linkNotFound.title", "reseller.linkNotFound.heading")
                .paragraph("link.openAgain")
                .paragraph("reseller.linkNotFound.text")
                .sendTo(ctx);
    }

    /** Who invited: the customer's full name, and with their company where it is known. */
    private Customer customer(ResellerLink link) {
        String company = link.companyName().strip();
        return new Customer(link.customerName(),
                company.isEmpty() ? link.customerName() : pages.text("reseller.who", link.customerName(), company));
    }

    private record Customer(String name, String who) {
    }
}
