package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.port.in.DeleteAccountCommand;
import com.smartconnect.application.account.port.in.DeleteAccountResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delete My Account: the Account Deletion Request page (what is deleted, that it cannot be undone, the password and,
 * with two-factor authentication on, a code), Next, and the page that says it is done, logged out.
 */
final class DeleteAccountPages {

    private static final String SECTION = "/account/delete";

    private final Portal portal;

    DeleteAccountPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /account/delete}: the Account Deletion Request page. */
    void show(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        portal.send(ctx, page(user.get()));
    }

    /** {@code POST /account/delete}: Next. */
    void delete(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String password = form.raw("password");
        if (password.isEmpty()) {
            portal.send(ctx, page(user.get()).status(400)
                    .error("password", portal.messages.get("account.password.required")));
            return;
        }
        // A blank code is no code: the use case asks for one when two-factor authentication is on.
        Optional<String> code = Optional.of(form.get("code").replace(" ", "")).filter(value -> !value.isEmpty());
        DeleteAccountResult result = portal.blocking.run(() -> portal.useCases.deleteAccount()
                .delete(new DeleteAccountCommand(user.get(), password, code)));
        switch (result) {
            case DeleteAccountResult.Deleted ignored -> {
                // The account's sessions went with it; this browser's cookies would only point at nothing.
                portal.endSession(ctx);
                Portal.redirect(ctx, "/account/deleted");
            }
            case DeleteAccountResult.PasswordIncorrect ignored -> portal.send(ctx, page(user.get()).status(400)
                    .error("password", portal.messages.get("account.password.incorrect")));
            case DeleteAccountResult.SecondFactorRequired ignored -> portal.send(ctx, page(user.get()).status(400)
                    .error("code", portal.messages.get("login.code.required")));
            case DeleteAccountResult.CodeIncorrect ignored -> portal.send(ctx, page(user.get()).status(400)
                    .error("code", portal.messages.get("account.code.incorrect")));
            case DeleteAccountResult.Throttled throttled -> portal.send(ctx, page(user.get()).status(429)
                    .alert(portal.messages.format("account.code.throttled", AccountPages.seconds(throttled.retryAfter()))));
        }
    }

    /** {@code POST /account/delete/code}: the code by e-mail that confirms the deletion. */
    void sendCode(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        SendTwoFactorCodeResult result = portal.blocking.run(
                () -> portal.useCases.sendTwoFactorCode().sendForConfirmation(user.get()));
        int status = 200;
        String message;
        switch (result) {
            case SendTwoFactorCodeResult.Sent ignored -> message = portal.messages.get("code.resent");
            case SendTwoFactorCodeResult.TooSoon tooSoon -> {
                status = 429;
                message = portal.messages.format("code.tooSoon", AccountPages.seconds(tooSoon.retryAfter()));
            }
            case SendTwoFactorCodeResult.NotByEmail ignored -> {
                status = 400;
                message = portal.messages.get("login.code.notByEmail");
            }
            case SendTwoFactorCodeResult.LoginExpired ignored -> {
                status = 400;
                message = portal.messages.get("login.expired");
            }
        }
        if (Portal.isHtmx(ctx)) {
            portal.sendFragment(ctx, 200, "resend-status", Map.of("message", message));
            return;
        }
        portal.send(ctx, page(user.get()).status(status).value("resendStatus", message));
    }

    /** {@code GET /account/deleted}: the account is gone and this browser logged out. */
    void deleted(RoutingContext ctx) {
        portal.send(ctx, Page.of("message", "delete.doneTitle")
                .value("heading", portal.messages.get("delete.doneHeading"))
                .value("paragraphs", List.of(portal.messages.get("delete.doneText")))
                .value("linkHref", "/signup").value("linkText", portal.messages.get("signup.title")));
    }

    private Page page(AuthenticatedUser user) {
        TwoFactorStatus status = portal.blocking.run(() -> portal.useCases.twoFactor().statusOf(user.accountId()));
        return AccountPages.page(portal, "account-delete", "delete.title", SECTION)
                .value("twoFactor", status.enabled())
                .value("byEmail", status.method().filter(TwoFactorMethod.EMAIL::equals).isPresent());
    }
}
