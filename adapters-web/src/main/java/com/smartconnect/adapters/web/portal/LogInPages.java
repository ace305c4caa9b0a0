package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.CompleteLogInCommand;
import com.smartconnect.application.account.session.port.in.CompleteLogInResult;
import com.smartconnect.application.account.session.port.in.LogInCommand;
import com.smartconnect.application.account.session.port.in.LogInResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Log in (with its second step when two-factor authentication is on) and log out. One message for an unknown
 * address and a wrong password, as the API answers, so the page tells nobody who has an account.
 */
final class LogInPages {

    /** The notices another page may ask the login page to show ({@code /login?notice=...}). */
    private static final Set<String> NOTICES = Set.of("loggedOut", "verified", "alreadyVerified",
            "registerDevice");

    private final Portal portal;

    LogInPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /login[?next=/a/page&notice=...]}. */
    void show(RoutingContext ctx) {
        String next = Portal.localTarget(Optional.ofNullable(ctx.queryParams().get("next"))
                .or(() -> Portal.rememberedTarget(ctx)).orElse(null));
        if (Portal.visitOf(ctx).loggedIn()) {
            Portal.redirect(ctx, next);
            return;
        }
        Page page = form(next, "");
        String notice = ctx.queryParams().get("notice");
        if (notice != null && NOTICES.contains(notice)) {
            page.notice(portal.messages.get("login.notice." + notice));
        }
        portal.send(ctx, page);
    }

    /** {@code POST /login}: e-mail and password. */
    void submit(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        String email = form.get("email");
        String next = Portal.localTarget(form.get("next"));
        LogInResult result = portal.blocking.run(() -> portal.useCases.logIn()
                .logIn(new LogInCommand(email, form.raw("password"), Portal.remoteAddress(ctx))));
        switch (result) {
            case LogInResult.LoggedIn loggedIn -> {
                portal.startSession(ctx, loggedIn.token(), loggedIn.expiresAt());
                Portal.redirect(ctx, next);
            }
            case LogInResult.SecondFactorRequired required ->
                    portal.send(ctx, codeForm(required.challengeToken(), required.method(), next));
            case LogInResult.InvalidCredentials ignored ->
                    portal.send(ctx, form(next, email).status(401).alert(portal.messages.get("error.INVALID_CREDENTIALS")));
            case LogInResult.NotVerified notVerified -> Portal.redirect(ctx,
                    "/verify?registration=" + notVerified.registrationId().value() + "&notice=notVerified");
            case LogInResult.Throttled throttled -> portal.send(ctx, form(next, email).status(429)
                    .alert(portal.messages.format("error.LOGIN_THROTTLED", seconds(throttled.retryAfter()))));
            case LogInResult.Invalid invalid -> {
                Page page = form(next, email).status(400);
                for (FieldError error : invalid.errors()) {
                    page.error(Portal.fieldName(error), portal.message(error));
                }
                portal.send(ctx, page);
            }
        }
    }

    /** {@code POST /login/code}: the second step, a code from the app or the mail, or a recovery code. */
    void submitCode(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        String challenge = form.get("challengeToken");
        String next = Portal.localTarget(form.get("next"));
        TwoFactorMethod method = method(form.get("method"));
        String code = form.get("code").replace(" ", "");
        if (code.isEmpty()) {
            portal.send(ctx, codeForm(challenge, method, next).status(400)
                    .error("code", portal.messages.get("error.TWO_FACTOR_CODE_REQUIRED")));
            return;
        }
        CompleteLogInResult result = portal.blocking.run(() -> portal.useCases.completeLogIn()
                .complete(new CompleteLogInCommand(challenge, code, Portal.remoteAddress(ctx))));
        switch (result) {
            case CompleteLogInResult.LoggedIn loggedIn -> {
                portal.startSession(ctx, loggedIn.token(), loggedIn.expiresAt());
                Portal.redirect(ctx, next);
            }
            case CompleteLogInResult.CodeIncorrect incorrect -> portal.send(ctx, codeForm(challenge, method, next)
                    .status(400).error("code", portal.messages.format("error.TWO_FACTOR_CODE_INCORRECT", incorrect.attemptsLeft())));
            case CompleteLogInResult.LoginExpired ignored ->
                    portal.send(ctx, form(next, "").status(400).alert(portal.messages.get("error.LOGIN_EXPIRED")));
            case CompleteLogInResult.Throttled throttled -> portal.send(ctx, form(next, "").status(429)
                    .alert(portal.messages.format("error.LOGIN_THROTTLED", seconds(throttled.retryAfter()))));
        }
    }

    /** {@code POST /login/code/resend}: another login code by mail; with htmx, only the status line changes. */
    void resendCode(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        String challenge = form.get("challengeToken");
        String next = Portal.localTarget(form.get("next"));
        SendTwoFactorCodeResult result = portal.blocking.run(
                () -> portal.useCases.sendTwoFactorCode().sendForLogIn(challenge));
        String message;
        int status = 200;
        switch (result) {
            case SendTwoFactorCodeResult.Sent ignored -> message = portal.messages.get("code.resent");
            case SendTwoFactorCodeResult.TooSoon tooSoon -> {
                status = 429;
                message = portal.messages.format("error.RESEND_TOO_SOON", seconds(tooSoon.retryAfter()));
            }
            case SendTwoFactorCodeResult.NotByEmail ignored -> {
                status = 400;
                message = portal.messages.get("error.TWO_FACTOR_NOT_BY_EMAIL");
            }
            case SendTwoFactorCodeResult.LoginExpired ignored -> {
                portal.send(ctx, form(next, "").status(400).alert(portal.messages.get("error.LOGIN_EXPIRED")));
                return;
            }
        }
        if (Portal.isHtmx(ctx)) {
            // htmx swaps only a 2xx answer by default; the status line says what happened either way.
            portal.sendFragment(ctx, 200, "resend-status", Map.of("message", message));
            return;
        }
        portal.send(ctx, codeForm(challenge, TwoFactorMethod.EMAIL, next).status(status).value("resendStatus", message));
    }

    /** {@code POST /logout}. */
    void logOut(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Portal.visitOf(ctx).sessionToken().ifPresent(token -> portal.blocking.run(() -> {
            portal.useCases.logOut().logOut(token);
            return null;
        }));
        portal.endSession(ctx);
        // A page that asks to log in again (with the two-factor code) names where to come back to.
        String next = form.get("next");
        Portal.redirect(ctx, "/login?notice=loggedOut" + (next == null || next.isBlank() ? ""
                : "&next=" + java.net.URLEncoder.encode(Portal.localTarget(next), StandardCharsets.UTF_8)));
    }

    private Page form(String next, String email) {
        return Page.of("login", "login.title").value("next", next).field("email", email);
    }

    private Page codeForm(String challenge, TwoFactorMethod method, String next) {
        boolean byEmail = method == TwoFactorMethod.EMAIL;
        return Page.of("login-code", "login.code.title")
                .value("challengeToken", challenge)
                .value("method", method.name())
                .value("byEmail", byEmail)
                .value("next", next)
                .value("codeHint", portal.messages.get(byEmail ? "login.code.email" : "login.code.app"));
    }

    private static TwoFactorMethod method(String name) {
        return "EMAIL".equals(name) ? TwoFactorMethod.EMAIL : TwoFactorMethod.TOTP;
    }

    static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
