package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.Blocking;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.reseller.port.in.ResellerLink;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger;
import java.util.List;
import java.util.Optional;

/**
 * The pages the links of a reseller's mails open, without an account: "ACCEPT INVITE" and "Unsubscribe". Opening a
 * link only shows a page with a button (mail scanners follow links); the button's form posts the link's token back,
 * and only that post connects or unsubscribes. The unsubscribe address also takes the RFC 8058 one-click post a mail
 * client sends on its own ({@code List-Unsubscribe=One-Click}, the token in the query string). Tokens travel in the
 * URL and the hidden field only: they are never logged, and the pages send no {@code Referer}.
 */
public final class ResellerPages {

    public static final String TEMPLATE = "/pages/reseller.mustache";
    static final String ACCEPT_PATH = "/reseller/accept";
    static final String UNSUBSCRIBE_PATH = "/reseller/unsubscribe";
    /** The portal's words for an invitation that can no longer be accepted, whatever ended it. */
    static final String INVITATION_EXPIRED = "This invitation has expired.";
    static final String ACCEPT_BUTTON = "ACCEPT INVITE";
    static final String UNSUBSCRIBE_BUTTON = "Unsubscribe";

    private static final String OPT_OUT =
            "You can opt out at any time with the Unsubscribe link in the footer of every email we send you.";
    private static final Logger LOG = System.getLogger(ResellerPages.class.getName());

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;
    private final HtmlPage template;

    public ResellerPages(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
        this.template = HtmlPage.load(TEMPLATE);
    }

    /** {@code GET /reseller/accept?token=...}: what connecting means, and the button; changes nothing. */
    public void showInvitation(RoutingContext ctx) {
        String token = nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<ResellerLink> link = blocking.run(() -> useCases.resellerLinks().invitation(token));
        if (link.isEmpty()) {
            invitationNotFound(ctx);
            return;
        }
        Customer customer = Customer.of(link.get());
        switch (link.get().state()) {
            case INVITED -> invitation(customer, token).sendTo(ctx, template);
            case CONNECTED -> new LinkPage(200, "Connected", "You are connected with " + customer.who())
                    .paragraph("You have accepted this invitation already. SmartConnect emails you about the "
                            + "Smart-UPS lifecycle events of " + customer.name() + " 90, 30 and 7 days in advance and "
                            + "on the day.")
                    .paragraph(LinkPage.NOTHING_MORE)
                    .note(OPT_OUT)
                    .sendTo(ctx, template);
            default -> invitationEnded(customer, link.get().state()).sendTo(ctx, template);
        }
    }

    /** {@code POST /reseller/accept}: the "ACCEPT INVITE" button; connects while the invitation is pending. */
    public void accept(RoutingContext ctx) {
        if (!LinkPage.hasMediaType(ctx, LinkPage.FORM)) {
            formNotReadable(ctx, 415);
            return;
        }
        String token = nonBlank(ctx.request().formAttributes().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<ResellerLink> link = blocking.run(() -> useCases.resellerLinks().accept(token));
        if (link.isEmpty()) {
            invitationNotFound(ctx);
            return;
        }
        Customer customer = Customer.of(link.get());
        if (link.get().state() == ResellerConnectionState.CONNECTED) {
            new LinkPage(200, "Connected", "You are now connected with " + customer.who())
                    .paragraph("We have let " + customer.name() + " know that you accepted the invitation.")
                    .paragraph("SmartConnect will email you 3 months (90 days) in advance of each Smart-UPS lifecycle "
                            + "event of " + customer.name() + ", with the UPS model, the date the battery or warranty "
                            + "is needed, the SKU of the replacement, and the contact details to reach them directly. "
                            + "If the issue is not resolved, you are reminded 30 days and 7 days in advance and on the "
                            + "day.")
                    .paragraph(LinkPage.NOTHING_MORE)
                    .note(OPT_OUT)
                    .sendTo(ctx, template);
        } else {
            invitationEnded(customer, link.get().state()).sendTo(ctx, template);
        }
    }

    /** {@code GET /reseller/unsubscribe?token=...}: the confirmation page with the button; changes nothing. */
    public void showUnsubscribe(RoutingContext ctx) {
        String token = nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        Optional<ResellerLink> link = blocking.run(() -> useCases.resellerLinks().subscription(token));
        if (link.isEmpty()) {
            unsubscribeLinkNotFound(ctx);
            return;
        }
        Customer customer = Customer.of(link.get());
        switch (link.get().state()) {
            case INVITED -> new LinkPage(200, "Unsubscribe", "Decline the invitation of " + customer.who() + "?")
                    .paragraph(customer.who() + " invited you to connect as their reseller, to receive notifications "
                            + "about their Smart-UPS lifecycle events.")
                    .paragraph("If you unsubscribe, you decline the invitation and receive no more emails about it. "
                            + "We will let " + customer.name() + " know that you declined.")
                    .form("To decline, click Unsubscribe.", UNSUBSCRIBE_PATH, token, UNSUBSCRIBE_BUTTON)
                    .note("If you would rather connect, close this page and click ACCEPT INVITE in the email instead.")
                    .sendTo(ctx, template);
            case CONNECTED -> new LinkPage(200, "Unsubscribe", "Unsubscribe from the emails about " + customer.who() + "?")
                    .paragraph("You are connected with " + customer.who() + " and receive notifications about their "
                            + "Smart-UPS lifecycle events.")
                    .paragraph("If you unsubscribe, the connection ends and you receive no more of these emails. We "
                            + "will let " + customer.name() + " know. To connect again later, " + customer.name()
                            + " would have to invite you again.")
                    .form("To confirm, click Unsubscribe.", UNSUBSCRIBE_PATH, token, UNSUBSCRIBE_BUTTON)
                    .note("To keep receiving the notifications, just close this page.")
                    .sendTo(ctx, template);
            default -> alreadyUnsubscribed(customer, link.get().state()).sendTo(ctx, template);
        }
    }

    /**
     * {@code POST /reseller/unsubscribe}: the page's button (the token in the form), or a mail client's RFC 8058
     * one-click unsubscribe (the token in the query string, {@code List-Unsubscribe=One-Click} in the form).
     */
    public void unsubscribe(RoutingContext ctx) {
        boolean form = LinkPage.isForm(ctx);
        if (!form && ctx.body() != null && ctx.body().length() > 0) {
            formNotReadable(ctx, 415);
            return;
        }
        String token = form ? nonBlank(ctx.request().formAttributes().get("token")) : null;
        if (token == null) {
            token = nonBlank(ctx.queryParams().get("token"));
        }
        if (token == null) {
            incomplete(ctx);
            return;
        }
        String unsubscribeToken = token;
        // Whether the connection was open before says whether this post ended it or found it ended already.
        Optional<ResellerLink> before = blocking.run(() -> useCases.resellerLinks().subscription(unsubscribeToken));
        Optional<ResellerLink> after = before.isEmpty()
                ? Optional.empty()
                : blocking.run(() -> useCases.resellerLinks().unsubscribe(unsubscribeToken));
        if (after.isEmpty()) {
            unsubscribeLinkNotFound(ctx);
            return;
        }
        Customer customer = Customer.of(after.get());
        ResellerConnectionState state = after.get().state();
        boolean endedNow = before.get().state().isOpen();
        if (endedNow && state == ResellerConnectionState.DECLINED) {
            new LinkPage(200, "Invitation declined", "You declined the invitation of " + customer.who())
                    .paragraph("You will receive no more emails about it. We have let " + customer.name()
                            + " know that you declined.")
                    .paragraph(LinkPage.NOTHING_MORE + " If you change your mind, ask " + customer.name()
                            + " to invite you again.")
                    .sendTo(ctx, template);
        } else if (endedNow && state == ResellerConnectionState.UNSUBSCRIBED) {
            new LinkPage(200, "Unsubscribed", "You are unsubscribed")
                    .paragraph("Your connection with " + customer.who() + " has ended: you will receive no more "
                            + "emails about their Smart-UPS. We have let " + customer.name() + " know.")
                    .paragraph(LinkPage.NOTHING_MORE + " To connect again later, ask " + customer.name()
                            + " to invite you again.")
                    .sendTo(ctx, template);
        } else {
            alreadyUnsubscribed(customer, state).sendTo(ctx, template);
        }
    }

    /** Failures on these pages (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        LinkPage.answerFailure(ctx, template, LOG);
    }

    private static LinkPage invitation(Customer customer, String token) {
        return new LinkPage(200, "Connect with your customer", customer.who() + " invites you to connect as their reseller")
                .paragraph("With the Reseller feature of SmartConnect you can capitalize on sales opportunities: you "
                        + "receive relevant details of the Smart-UPS devices of " + customer.name()
                        + ", so you can reach out and provide maintenance support.")
                .item("Notifications 3 months (90 days) in advance of your customer's Smart-UPS lifecycle events: when "
                        + "the UPS battery needs replacing, when the UPS warranty expires, and when their Advanced or "
                        + "Standard plan expires.")
                .item("Reminders 1 month (30 days) and 1 week (7 days) in advance and on the day while the issue is "
                        + "not resolved: four notifications in total per event.")
                .item("In each notification: the Smart-UPS model, the date the new battery or warranty is needed, and "
                        + "the SKU of the replacement battery or warranty extension.")
                .item("Your customer's contact details (company name, full name, email address and phone number), so "
                        + "you can contact them directly.")
                .form("To connect with " + customer.who() + ", click ACCEPT INVITE.", ACCEPT_PATH, token, ACCEPT_BUTTON)
                .note("This service is free of charge for all APC Reseller Partners, and you do not need an account.")
                .note("If you do not want to connect, use the Unsubscribe link in the email to decline, or ignore the "
                        + "email: the invitation expires 7 days after it was sent. " + customer.name()
                        + " will be told if you decline or let it expire.")
                .note(OPT_OUT)
                .note("For more information on the Reseller feature, see https://smartconnect.apc.com/reseller.");
    }

    /** HTTP 410: the invitation can no longer be accepted; says why, and how to connect after all. */
    private static LinkPage invitationEnded(Customer customer, ResellerConnectionState state) {
        String reason = switch (state) {
            case EXPIRED -> "It was not accepted within 7 days of being sent.";
            case CANCELLED -> customer.name() + " cancelled this invitation before it was accepted.";
            case DISCONNECTED -> customer.name() + " has since disconnected from you, so this invitation can no "
                    + "longer be used.";
            case DECLINED -> "This invitation was declined with the Unsubscribe link in the email.";
            case UNSUBSCRIBED -> "You unsubscribed from the emails about " + customer.who()
                    + ", which ended this connection.";
            case INVITED, CONNECTED -> throw new IllegalArgumentException("an open invitation has not ended: " + state);
        };
        return new LinkPage(410, "Invitation expired", INVITATION_EXPIRED)
                .paragraph(reason)
                .paragraph("If you want to connect with " + customer.who() + ", please ask " + customer.name()
                        + " to invite you again from the Reseller page of the SmartConnect portal. You will then "
                        + "receive a new email with an ACCEPT INVITE button.");
    }

    /** The connection behind an unsubscribe link ended before: nothing changes. */
    private static LinkPage alreadyUnsubscribed(Customer customer, ResellerConnectionState state) {
        String reason = switch (state) {
            case DECLINED -> "You declined the invitation of " + customer.who() + ".";
            case UNSUBSCRIBED -> "You unsubscribed from the emails about " + customer.who() + ".";
            case EXPIRED -> "The invitation of " + customer.who() + " has expired.";
            case CANCELLED -> customer.name() + " cancelled the invitation.";
            case DISCONNECTED -> customer.name() + " has disconnected from you.";
            case INVITED, CONNECTED -> throw new IllegalArgumentException("an open connection has not ended: " + state);
        };
        return new LinkPage(200, "Unsubscribed", "You are already unsubscribed")
                .paragraph(reason + " You receive no more emails from SmartConnect about the Smart-UPS of "
                        + customer.name() + ".")
                .paragraph(LinkPage.NOTHING_MORE);
    }

    private void invitationNotFound(RoutingContext ctx) {
        new LinkPage(404, "Invitation not found", "We could not find this invitation.")
                .paragraph(LinkPage.OPEN_AGAIN)
                .paragraph("If it still does not work, please ask your customer to invite you again from the Reseller "
                        + "page of the SmartConnect portal.")
                .sendTo(ctx, template);
    }

    private void unsubscribeLinkNotFound(RoutingContext ctx) {
        new LinkPage(404, "Link not found", "We could not find this unsubscribe link.")
                .paragraph(LinkPage.OPEN_AGAIN)
                .paragraph("Every email we send you has an Unsubscribe link in its footer; you can use the one of any "
                        + "of them.")
                .sendTo(ctx, template);
    }

    private void incomplete(RoutingContext ctx) {
        LinkPage.incomplete().sendTo(ctx, template);
    }

    private void formNotReadable(RoutingContext ctx, int status) {
        LinkPage.formNotReadable(status).sendTo(ctx, template);
    }

    private static String nonBlank(String value) {
        return HtmlPage.nonBlank(value);
    }

    /** Who invited: the customer's full name, and with their company where it is known. */
    private record Customer(String name, String who) {

        static Customer of(ResellerLink link) {
            String company = link.companyName().strip();
            return new Customer(link.customerName(),
                    company.isEmpty() ? link.customerName() : link.customerName() + " of " + company);
        }
    }
}
