package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.port.in.ChangePasswordCommand;
import com.smartconnect.application.account.port.in.ChangePasswordResult;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeCommand;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeResult;
import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.port.in.RequestEmailChangeCommand;
import com.smartconnect.application.account.port.in.RequestEmailChangeResult;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Change e-mail (the password, then the code mailed to the new address) and change password (the current one, and a
 * new one under the four password rules, listed and checked as the person types and by the use case).
 */
final class CredentialPages {

    private final Portal portal;

    CredentialPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /account/email}. */
    void showEmail(RoutingContext ctx) {
        if (AccountPages.user(ctx).isEmpty()) {
            return;
        }
        portal.send(ctx, emailPage(""));
    }

    /** {@code POST /account/email}: the new address and the password; a code goes to the new address. */
    void requestEmail(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String newEmail = form.get("newEmail");
        if (form.raw("password").isEmpty()) {
            Page page = emailPage(newEmail).status(400)
                    .error("password", portal.messages.get("account.password.required"));
            if (newEmail.isEmpty()) {
                page.error("newEmail", portal.messages.get("error.EMAIL_REQUIRED"));
            }
            portal.send(ctx, page);
            return;
        }
        RequestEmailChangeResult result = portal.blocking.run(() -> portal.useCases.requestEmailChange()
                .request(new RequestEmailChangeCommand(user.get(), form.raw("password"), newEmail)));
        switch (result) {
            case RequestEmailChangeResult.CodeSent ignored -> Portal.redirect(ctx, "/account/email/confirm");
            case RequestEmailChangeResult.PasswordIncorrect ignored -> portal.send(ctx, emailPage(newEmail).status(400)
                    .error("password", portal.messages.get("account.password.incorrect")));
            case RequestEmailChangeResult.Throttled throttled -> portal.send(ctx, emailPage(newEmail).status(429)
                    .alert(portal.messages.format("account.password.throttled", AccountPages.seconds(throttled.retryAfter()))));
            case RequestEmailChangeResult.Invalid invalid -> {
                Page page = emailPage(newEmail).status(400);
                AccountPages.errors(portal, page, List.of(invalid.error()));
                portal.send(ctx, page);
            }
        }
    }

    /** {@code GET /account/email/confirm}: the code from the mail to the new address. */
    void showEmailCode(RoutingContext ctx) {
        if (AccountPages.user(ctx).isEmpty()) {
            return;
        }
        portal.send(ctx, emailCodePage());
    }

    /** {@code POST /account/email/confirm}. */
    void confirmEmail(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String code = form.get("code").replace(" ", "");
        ConfirmEmailChangeResult result = portal.blocking.run(() -> portal.useCases.confirmEmailChange()
                .confirm(new ConfirmEmailChangeCommand(user.get(), code)));
        switch (result) {
            case ConfirmEmailChangeResult.Changed ignored -> Portal.redirect(ctx, "/account?notice=emailChanged");
            case ConfirmEmailChangeResult.MalformedCode ignored -> codeError(ctx, 400, "verify.malformed");
            case ConfirmEmailChangeResult.WrongCode wrong -> portal.send(ctx, emailCodePage().status(400)
                    .error("code", portal.messages.format("verify.wrong", wrong.attemptsLeft())));
            case ConfirmEmailChangeResult.CodeExpired ignored -> codeError(ctx, 400, "account.email.codeExpired");
            case ConfirmEmailChangeResult.TooManyAttempts ignored -> codeError(ctx, 429, "account.email.tooMany");
            case ConfirmEmailChangeResult.NoChangeRequested ignored -> portal.send(ctx, emailPage("").status(409)
                    .alert(portal.messages.get("account.email.noChange")));
        }
    }

    /** {@code GET /account/password}. */
    void showPassword(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        portal.send(ctx, passwordPage(user.get()));
    }

    /** {@code POST /account/password}: the current password, the new one twice. */
    void changePassword(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String current = form.raw("currentPassword");
        String next = form.raw("newPassword");
        Page refused = passwordPage(user.get()).status(400);
        if (current.isEmpty()) {
            refused.error("currentPassword", portal.messages.get("account.password.required"));
        }
        if (next.isEmpty()) {
            refused.error("newPassword", portal.messages.get("account.password.newRequired"));
        } else if (!next.equals(form.raw("passwordConfirmation"))) {
            // Two typings that differ are a slip of the keyboard, not a rule of passwords: the page catches it.
            refused.error("passwordConfirmation", portal.messages.get("account.password.mismatch"));
        }
        if (refused.hasErrors()) {
            portal.send(ctx, refused);
            return;
        }
        ChangePasswordResult result = portal.blocking.run(() -> portal.useCases.changePassword()
                .change(new ChangePasswordCommand(user.get(), current, next)));
        switch (result) {
            case ChangePasswordResult.Changed ignored -> Portal.redirect(ctx, "/account?notice=passwordChanged");
            case ChangePasswordResult.CurrentPasswordIncorrect ignored -> portal.send(ctx, passwordPage(user.get())
                    .status(400).error("currentPassword", portal.messages.get("account.password.incorrect")));
            case ChangePasswordResult.WeakPassword weak -> {
                Page page = passwordPage(user.get()).status(400);
                AccountPages.errors(portal, page, weak.errors());
                portal.send(ctx, page);
            }
            case ChangePasswordResult.Throttled throttled -> portal.send(ctx, passwordPage(user.get()).status(429)
                    .alert(portal.messages.format("account.password.throttled", AccountPages.seconds(throttled.retryAfter()))));
        }
    }

    private void codeError(RoutingContext ctx, int status, String key) {
        portal.send(ctx, emailCodePage().status(status).error("code", portal.messages.get(key)));
    }

    private Page emailPage(String newEmail) {
        return AccountPages.page(portal, "account-email", "account.email.title", "/account/email")
                .field("newEmail", newEmail);
    }

    private Page emailCodePage() {
        return AccountPages.page(portal, "account-email-confirm", "account.email.title", "/account/email");
    }

    /** The page of a password change, with the person's names and address for the rules checked as they type. */
    private Page passwordPage(AuthenticatedUser user) {
        Optional<Profile> profile = portal.blocking.run(() -> portal.useCases.profile().profileOf(user.accountId()));
        Page page = AccountPages.page(portal, "account-password", "account.password.title", "/account/password");
        profile.ifPresent(p -> page.value("firstName", p.name().first()).value("lastName", p.name().last())
                .value("email", p.email().value()));
        return page;
    }
}
