package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.reseller.port.in.CancelResellerInvitationCommand;
import com.smartconnect.application.reseller.port.in.DisconnectResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerResult;
import com.smartconnect.application.reseller.port.in.ResellerChangeResult;
import com.smartconnect.application.reseller.port.in.ResellerInterestCommand;
import com.smartconnect.application.reseller.port.in.ResellerView;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's Reseller page ({@code /reseller}), which the help pages describe: the connection with their one
 * reseller in words (invited, connected, declined, expired, cancelled, opted out, disconnected), inviting one address,
 * Cancel then Update Settings for a pending invitation, Disconnect with a confirm step, and Not interested? (whether
 * adding a device offers the Reseller step). It calls the use cases the API's {@code /api/v1/reseller} calls and words
 * their refusals as pages that say what to do and keep what was typed.
 *
 * <p>The reseller belongs to the account, not to the company: the use cases take the logged-in person's account, and
 * the reseller hears about the UPSes registered to that account. A co-worker therefore manages a reseller of their own
 * for the UPSes they registered, and never sees another person's; nothing on this page is read-only.
 *
 * <p>The reseller's own pages (the accept and unsubscribe links of their mails) are {@link ResellerPages}; the
 * Reseller step after adding a device is {@link DeviceSetupPages#showResellerOffer}.
 */
final class ResellerSettingsPages {

    static final String PATH = "/reseller";
    static final String DISCONNECT_PATH = "/reseller/disconnect";
    static final Set<String> PATHS = Set.of(PATH, DISCONNECT_PATH);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Portal portal;

    ResellerSettingsPages(Portal portal) {
        this.portal = portal;
    }

    void mount(AccountPages.Routes routes) {
        routes.page(HttpMethod.GET, PATH, this::show);
        routes.page(HttpMethod.POST, PATH, this::update);
        routes.page(HttpMethod.GET, DISCONNECT_PATH, this::showDisconnect);
        routes.page(HttpMethod.POST, DISCONNECT_PATH, this::disconnect);
    }

    /** {@code GET /reseller[?notice=invited|cancelled|saved|disconnected]}. */
    void show(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = user(ctx, PATH);
        if (user.isEmpty()) {
            return;
        }
        ResellerView view = view(user.get());
        Page page = page(view, false).value("notInterested", view.notInterested());
        String email = view.resellerEmail().orElse("");
        switch (Optional.ofNullable(ctx.queryParams().get("notice")).orElse("")) {
            case "invited" -> page.notice(portal.messages.format("resellerPage.notice.invited", email));
            case "cancelled" -> page.notice(portal.messages.format("resellerPage.notice.cancelled", email));
            case "saved" -> page.notice(portal.messages.get("resellerPage.notice.saved"));
            case "disconnected" -> page.notice(portal.messages.format("resellerPage.notice.disconnected", email));
            default -> {
            }
        }
        portal.send(ctx, page);
    }

    /**
     * {@code POST /reseller}: Cancel (nothing changes yet: the page then says that Update Settings cancels the
     * invitation), or Update Settings: cancels the pending invitation when Cancel was clicked, saves Not interested?,
     * and invites the address typed, in that order.
     */
    void update(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = formUser(ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String email = form.get("email");
        boolean notInterested = form.has("notInterested");
        boolean cancel = "1".equals(form.get("cancel"));
        ResellerView view = view(user.get());
        if ("cancel".equals(form.get("action"))) {
            boolean pending = view.state().filter(s -> s == ResellerConnectionState.INVITED).isPresent();
            Page page = page(view, pending).field("email", email).value("notInterested", notInterested);
            if (!pending) {
                page.status(409).alert(noPending(view));
            }
            portal.send(ctx, page);
            return;
        }
        List<String> done = new ArrayList<>();
        if (cancel) {
            ResellerChangeResult cancelled = portal.blocking.run(() -> portal.useCases.manageReseller()
                    .cancelInvitation(new CancelResellerInvitationCommand(user.get())));
            switch (cancelled) {
                case ResellerChangeResult.Changed changed -> {
                    view = changed.reseller();
                    done.add(portal.messages.format("resellerPage.notice.cancelled", view.resellerEmail().orElse("")));
                }
                case ResellerChangeResult.NothingToChange nothing -> {
                    // Accepted, declined or expired since the page was shown: it says how things stand now.
                    portal.send(ctx, page(nothing.reseller(), false).status(409).field("email", email)
                            .value("notInterested", notInterested).alert(noPending(nothing.reseller())));
                    return;
                }
            }
        }
        if (notInterested != view.notInterested()) {
            view = portal.blocking.run(() -> portal.useCases.manageReseller()
                    .setNotInterested(new ResellerInterestCommand(user.get(), notInterested)));
        }
        if (email.isEmpty()) {
            Portal.redirect(ctx, PATH + "?notice=" + (cancel ? "cancelled" : "saved"));
            return;
        }
        InviteResellerResult result = portal.blocking.run(() -> portal.useCases.inviteReseller()
                .invite(new InviteResellerCommand(user.get(), email)));
        if (result instanceof InviteResellerResult.Invited) {
            Portal.redirect(ctx, PATH + "?notice=invited");
            return;
        }
        ResellerView now = view(user.get());
        // The address typed stays in its field even where the state offers none (an invitation pending, a reseller
        // connected): Cancel, or Disconnect, and then Update Settings invites it.
        Page page = page(now, false).field("email", email).value("canInvite", true)
                .value("notInterested", now.notInterested());
        done.forEach(page::notice);
        switch (result) {
            case InviteResellerResult.Invited ignored -> throw new IllegalStateException("answered above");
            case InviteResellerResult.Invalid invalid -> {
                page.status(400);
                for (FieldError error : invalid.errors()) {
                    page.error("email", portal.message(error));
                }
            }
            case InviteResellerResult.AlreadyInvited ignored ->
                    page.status(409).alert(portal.messages.get("resellerPage.alreadyInvited"));
            case InviteResellerResult.AlreadyConnected ignored ->
                    page.status(409).alert(portal.messages.get("resellerPage.alreadyConnected"));
            case InviteResellerResult.TooManyInvitations tooMany -> page.status(429).alert(portal.messages.format(
                    "resellerPage.tooMany", InviteResellerResult.DAILY_LIMIT,
                    Math.max(1, (LogInPages.seconds(tooMany.retryAfter()) + 3599) / 3600)));
        }
        portal.send(ctx, page);
    }

    /** {@code GET /reseller/disconnect}: the confirm step of Disconnect; changes nothing. */
    void showDisconnect(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = user(ctx, DISCONNECT_PATH);
        if (user.isEmpty()) {
            return;
        }
        ResellerView view = view(user.get());
        if (view.state().filter(s -> s == ResellerConnectionState.CONNECTED).isEmpty()) {
            portal.send(ctx, page(view, false).value("notInterested", view.notInterested())
                    .alert(portal.messages.get("resellerPage.noConnected")));
            return;
        }
        portal.send(ctx, disconnectPage(view));
    }

    /** {@code POST /reseller/disconnect}: the confirm step's Disconnect button. */
    void disconnect(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = formUser(ctx, form);
        if (user.isEmpty()) {
            return;
        }
        ResellerChangeResult result = portal.blocking.run(() -> portal.useCases.manageReseller()
                .disconnect(new DisconnectResellerCommand(user.get())));
        switch (result) {
            case ResellerChangeResult.Changed ignored -> Portal.redirect(ctx, PATH + "?notice=disconnected");
            case ResellerChangeResult.NothingToChange nothing -> portal.send(ctx, page(nothing.reseller(), false)
                    .status(409).value("notInterested", nothing.reseller().notInterested())
                    .alert(portal.messages.get("resellerPage.noConnected")));
        }
    }

    private ResellerView view(AuthenticatedUser user) {
        return portal.blocking.run(() -> portal.useCases.reseller().resellerOf(user.accountId()));
    }

    /**
     * The Reseller page for {@code view}; {@code cancelPending}: Cancel was clicked, and Update Settings will cancel
     * the pending invitation (and may invite another address with it).
     */
    private Page page(ResellerView view, boolean cancelPending) {
        Optional<ResellerConnectionState> state = view.state();
        String email = view.resellerEmail().orElse("");
        boolean invited = state.filter(s -> s == ResellerConnectionState.INVITED).isPresent();
        boolean connected = state.filter(s -> s == ResellerConnectionState.CONNECTED).isPresent();
        String name = state.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
        return Page.of("reseller", "resellerPage.title")
                .value("state", name)
                .value("open", invited || connected)
                .value("stateText", stateText(view))
                .value("stateAdvice", portal.messages.format("resellerPage.advice." + name, email))
                .value("facts", facts(view))
                .value("hasFacts", view.state().isPresent())
                .value("email", email)
                .value("invited", invited && !cancelPending)
                .value("cancelPending", cancelPending)
                .value("cancelPendingText", portal.messages.format("resellerPage.cancelPending", email))
                .value("connected", connected)
                .value("canInvite", !(invited || connected) || cancelPending);
    }

    private Page disconnectPage(ResellerView view) {
        String email = view.resellerEmail().orElse("");
        return Page.of("reseller-disconnect", "resellerPage.disconnect.title")
                .value("question", portal.messages.format("resellerPage.disconnect.heading", email))
                .value("effect", portal.messages.format("resellerPage.disconnect.effect", email))
                .value("facts", facts(view))
                .value("hasFacts", true);
    }

    /** How the connection stands, in one sentence. */
    private String stateText(ResellerView view) {
        String name = view.state().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none");
        return portal.messages.format("resellerPage.state." + name, view.resellerEmail().orElse(""));
    }

    /** The address and the moments of the latest invitation, as a description list. */
    private List<Map<String, Object>> facts(ResellerView view) {
        List<Map<String, Object>> facts = new ArrayList<>();
        if (view.state().isEmpty()) {
            return facts;
        }
        ResellerConnectionState state = view.state().get();
        view.resellerEmail().ifPresent(email -> facts.add(Map.of("term",
                portal.messages.get("resellerPage.fact.email"), "value", email, "timed", false)));
        view.invitedAt().ifPresent(at -> facts.add(moment("resellerPage.fact.invitedAt", at)));
        if (state == ResellerConnectionState.INVITED) {
            view.expiresAt().ifPresent(at -> facts.add(moment("resellerPage.fact.expiresAt", at)));
        }
        view.connectedAt().ifPresent(at -> facts.add(moment(state == ResellerConnectionState.CONNECTED
                ? "resellerPage.fact.connectedSince" : "resellerPage.fact.connectedAt", at)));
        if (!state.isOpen()) {
            view.endedAt().ifPresent(at -> facts.add(moment(
                    "resellerPage.fact.endedAt." + state.name().toLowerCase(Locale.ROOT), at)));
        }
        return facts;
    }

    private Map<String, Object> moment(String termKey, Instant at) {
        return Map.of("term", portal.messages.get(termKey), "value", WHEN.format(at), "datetime", at.toString(),
                "timed", true);
    }

    private String noPending(ResellerView view) {
        return portal.messages.format("resellerPage.noPending", stateText(view));
    }

    /** The logged-in person; a visitor without a session is sent to log in and comes back to {@code path}. */
    private static Optional<AuthenticatedUser> user(RoutingContext ctx, String path) {
        Optional<AuthenticatedUser> user = Portal.visitOf(ctx).user();
        if (user.isEmpty()) {
            Portal.redirect(ctx, "/login?next=" + path);
        }
        return user;
    }

    /** The person of a posted form whose token is right; empty after the answer that says otherwise. */
    private Optional<AuthenticatedUser> formUser(RoutingContext ctx, Form form) {
        Optional<AuthenticatedUser> user = user(ctx, PATH);
        if (user.isEmpty() || !portal.csrfChecked(ctx, form)) {
            return Optional.empty();
        }
        return user;
    }
}
