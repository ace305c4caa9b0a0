package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationCommand;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationResult;
import com.smartconnect.application.account.invitation.port.in.InvitationView;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerCommand;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.invitation.InvitationStatus;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Co-workers: "Send a co-worker an invite to the portal." with the help pages' messages, and the company's
 * invitations, each pending one with Withdraw.
 */
final class CoworkerPages {

    private static final String SECTION = "/account/coworkers";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Portal portal;

    CoworkerPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /account/coworkers[?notice=sent|withdrawn]}. */
    void show(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Page page = page(user.get(), "");
        String notice = ctx.queryParams().get("notice");
        if ("sent".equals(notice)) {
            page.value("sent", true);
        } else if ("withdrawn".equals(notice)) {
            page.notice(portal.messages.get("coworkers.withdrawn"));
        }
        portal.send(ctx, page);
    }

    /** {@code POST /account/coworkers}: Send Invite. */
    void invite(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String email = form.get("email");
        InviteCoworkerResult result = portal.blocking.run(() -> portal.useCases.inviteCoworker()
                .invite(new InviteCoworkerCommand(user.get(), email)));
        switch (result) {
            case InviteCoworkerResult.Invited ignored -> Portal.redirect(ctx, SECTION + "?notice=sent");
            case InviteCoworkerResult.Invalid invalid -> {
                Page page = page(user.get(), email).status(400);
                AccountPages.errors(portal, page, List.of(invalid.error()));
                portal.send(ctx, page);
            }
            case InviteCoworkerResult.AlreadyInvited ignored -> portal.send(ctx, page(user.get(), email).status(409)
                    .error("email", portal.messages.get("coworkers.alreadyInvited")));
        }
    }

    /** {@code POST /account/coworkers/withdraw}: a pending invitation withdrawn; its link stops working. */
    void withdraw(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String id = form.get("invitation");
        CancelCoworkerInvitationResult result = !UUID_TEXT.matcher(id).matches()
                ? new CancelCoworkerInvitationResult.NotFound()
                : portal.blocking.run(() -> portal.useCases.cancelCoworkerInvitation()
                        .cancel(new CancelCoworkerInvitationCommand(user.get(), UUID.fromString(id))));
        switch (result) {
            case CancelCoworkerInvitationResult.Cancelled ignored -> Portal.redirect(ctx, SECTION + "?notice=withdrawn");
            case CancelCoworkerInvitationResult.NotFound ignored -> portal.send(ctx, page(user.get(), "").status(404)
                    .alert(portal.messages.get("coworkers.notFound")));
            case CancelCoworkerInvitationResult.NotPending ignored -> portal.send(ctx, page(user.get(), "")
                    .status(409).alert(portal.messages.get("coworkers.notPending")));
        }
    }

    private Page page(AuthenticatedUser user, String email) {
        List<InvitationView> invitations = portal.blocking.run(
                () -> portal.useCases.coworkerInvitations().invitationsOf(user));
        List<Map<String, Object>> rows = invitations.stream().map(invitation -> Map.<String, Object>of(
                "id", invitation.id().toString(),
                "email", invitation.email().value(),
                "status", portal.messages.get("coworkers.status." + invitation.status().name()),
                "sentOn", DAY.format(invitation.createdAt()),
                "expiresOn", DAY.format(invitation.expiresAt()),
                "pending", invitation.status() == InvitationStatus.PENDING,
                "withdrawLabel", portal.messages.format("coworkers.withdrawLabel", invitation.email().value())))
                .toList();
        return AccountPages.page(portal, "account-coworkers", "coworkers.title", SECTION)
                .field("email", email)
                .value("invitations", rows)
                .value("hasInvitations", !rows.isEmpty());
    }
}
