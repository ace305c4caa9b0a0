package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorCommand;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorResult;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeResult;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentCommand;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentResult;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.domain.twofactor.TwoFactorMethod;
import com.smartconnect.adapters.web.QrCodePng;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two-Factor Authentication in My Account: Turn On (choose the method; the authenticator app's QR code, or the code
 * mailed; confirm with the first code; the recovery codes shown once, with a download) and Turn Off (the password and
 * a code). The QR code is the API's own image of the pending enrolment, in the page.
 */
final class TwoFactorPages {

    private static final String SECTION = "/account/two-factor";

    private final Portal portal;

    TwoFactorPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /account/two-factor}: whether it is on, with Turn On or Turn Off. */
    void show(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Page page = statusPage(status(user.get()));
        String notice = ctx.queryParams().get("notice");
        if ("off".equals(notice)) {
            page.notice(portal.messages.get("account.twoFactor.turnedOff"));
        }
        portal.send(ctx, page);
    }

    /** {@code GET /account/two-factor/turn-on}: the choice of method. */
    void showMethods(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        if (status(user.get()).enabled()) {
            Portal.redirect(ctx, SECTION);
            return;
        }
        portal.send(ctx, methodPage());
    }

    /** {@code POST /account/two-factor/turn-on}: starts the enrolment with the chosen method. */
    void start(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        Optional<TwoFactorMethod> method = Arrays.stream(TwoFactorMethod.values())
                .filter(candidate -> candidate.name().equals(form.get("method"))).findFirst();
        if (method.isEmpty()) {
            portal.send(ctx, methodPage().status(400)
                    .error("method", portal.messages.get("account.twoFactor.chooseMethod")));
            return;
        }
        StartTwoFactorEnrolmentResult result = portal.blocking.run(() -> portal.useCases.startTwoFactorEnrolment()
                .start(new StartTwoFactorEnrolmentCommand(user.get(), method.get())));
        switch (result) {
            case StartTwoFactorEnrolmentResult.AuthenticatorSecret ignored ->
                    Portal.redirect(ctx, SECTION + "/confirm");
            case StartTwoFactorEnrolmentResult.CodeMailed ignored -> Portal.redirect(ctx, SECTION + "/confirm");
            case StartTwoFactorEnrolmentResult.AlreadyOn ignored -> Portal.redirect(ctx, SECTION);
        }
    }

    /** {@code GET /account/two-factor/confirm}: the QR code and secret, or the mailed code, and the first code. */
    void showConfirm(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Optional<Page> page = confirmPage(user.get());
        if (page.isEmpty()) {
            Portal.redirect(ctx, SECTION);
            return;
        }
        portal.send(ctx, page.get());
    }

    /** {@code POST /account/two-factor/confirm}: the first code turns it on; the recovery codes are shown once. */
    void confirm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String code = form.get("code").replace(" ", "");
        if (code.isEmpty()) {
            confirmError(ctx, user.get(), 400, portal.messages.get("login.code.required"));
            return;
        }
        ConfirmTwoFactorEnrolmentResult result = portal.blocking.run(() -> portal.useCases.confirmTwoFactorEnrolment()
                .confirm(new ConfirmTwoFactorEnrolmentCommand(user.get(), code)));
        switch (result) {
            case ConfirmTwoFactorEnrolmentResult.Enabled enabled -> {
                // Shown this once: the account keeps only their hashes. The download is the same text, in the page.
                String text = portal.messages.get("account.recovery.fileIntro") + "\n\n"
                        + String.join("\n", enabled.recoveryCodes()) + "\n";
                portal.send(ctx, AccountPages.page(portal, "account-recovery-codes", "account.twoFactor.title", SECTION)
                        .value("codes", enabled.recoveryCodes())
                        .value("download", "data:text/plain;charset=utf-8,"
                                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")));
            }
            case ConfirmTwoFactorEnrolmentResult.NoEnrolment ignored -> Portal.redirect(ctx, SECTION);
            case ConfirmTwoFactorEnrolmentResult.CodeIncorrect ignored ->
                    confirmError(ctx, user.get(), 400, portal.messages.get("account.twoFactor.codeIncorrect"));
            case ConfirmTwoFactorEnrolmentResult.Throttled throttled -> confirmError(ctx, user.get(), 429,
                    portal.messages.format("account.code.throttled", AccountPages.seconds(throttled.retryAfter())));
        }
    }

    /** {@code POST /account/two-factor/turn-off}: the password and a code. */
    void turnOff(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        String password = form.raw("password");
        String code = form.get("code").replace(" ", "");
        Page refused = statusPage(status(user.get())).status(400);
        if (password.isEmpty()) {
            refused.error("password", portal.messages.get("account.password.required"));
        }
        if (code.isEmpty()) {
            refused.error("code", portal.messages.get("login.code.required"));
        }
        if (refused.hasErrors()) {
            portal.send(ctx, refused);
            return;
        }
        DisableTwoFactorResult result = portal.blocking.run(() -> portal.useCases.disableTwoFactor()
                .disable(new DisableTwoFactorCommand(user.get(), password, code)));
        switch (result) {
            case DisableTwoFactorResult.Disabled ignored -> Portal.redirect(ctx, SECTION + "?notice=off");
            case DisableTwoFactorResult.NotOn ignored -> Portal.redirect(ctx, SECTION);
            case DisableTwoFactorResult.PasswordIncorrect ignored -> portal.send(ctx, statusPage(status(user.get()))
                    .status(400).error("password", portal.messages.get("account.password.incorrect")));
            case DisableTwoFactorResult.CodeIncorrect ignored -> portal.send(ctx, statusPage(status(user.get()))
                    .status(400).error("code", portal.messages.get("account.code.incorrect")));
            case DisableTwoFactorResult.Throttled throttled -> portal.send(ctx, statusPage(status(user.get()))
                    .status(429).alert(portal.messages.format("account.code.throttled",
                            AccountPages.seconds(throttled.retryAfter()))));
        }
    }

    /** {@code POST /account/two-factor/code}: a code by e-mail, to confirm turning it off. */
    void sendCode(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        TwoFactorStatus status = status(user.get());
        if (!status.enabled()) {
            Portal.redirect(ctx, SECTION);
            return;
        }
        String message;
        int code = 200;
        SendTwoFactorCodeResult result = portal.blocking.run(
                () -> portal.useCases.sendTwoFactorCode().sendForConfirmation(user.get()));
        switch (result) {
            case SendTwoFactorCodeResult.Sent ignored -> message = portal.messages.get("code.resent");
            case SendTwoFactorCodeResult.TooSoon tooSoon -> {
                code = 429;
                message = portal.messages.format("code.tooSoon", AccountPages.seconds(tooSoon.retryAfter()));
            }
            case SendTwoFactorCodeResult.NotByEmail ignored -> {
                code = 400;
                message = portal.messages.get("login.code.notByEmail");
            }
            case SendTwoFactorCodeResult.LoginExpired ignored -> {
                code = 400;
                message = portal.messages.get("login.expired");
            }
        }
        if (Portal.isHtmx(ctx)) {
            portal.sendFragment(ctx, 200, "resend-status", Map.of("message", message));
            return;
        }
        portal.send(ctx, statusPage(status).status(code).value("resendStatus", message));
    }

    private void confirmError(RoutingContext ctx, AuthenticatedUser user, int status, String message) {
        Optional<Page> page = confirmPage(user);
        if (page.isEmpty()) {
            Portal.redirect(ctx, SECTION);
            return;
        }
        portal.send(ctx, page.get().status(status).error("code", message));
    }

    private Page statusPage(TwoFactorStatus status) {
        Page page = AccountPages.page(portal, "account-two-factor", "account.twoFactor.title", SECTION)
                .value("enabled", status.enabled())
                .value("byEmail", status.method().filter(TwoFactorMethod.EMAIL::equals).isPresent())
                .value("recoveryCodesLeft", portal.messages.format("account.twoFactor.recoveryLeft",
                        status.recoveryCodesLeft()));
        status.method().ifPresent(method -> page.value("methodText", portal.messages.format("account.twoFactor.onWith",
                portal.messages.get("account.twoFactor.method." + method.name()))));
        return page;
    }

    private Page methodPage() {
        return AccountPages.page(portal, "account-two-factor-method", "account.twoFactor.title", SECTION);
    }

    /** The page of the pending enrolment, or empty when none is pending (never started, or expired). */
    private Optional<Page> confirmPage(AuthenticatedUser user) {
        TwoFactorStatus status = status(user);
        if (status.enabled() || status.pendingEnrolment().isEmpty()) {
            return Optional.empty();
        }
        TwoFactorMethod method = status.pendingEnrolment().get().method();
        Page page = AccountPages.page(portal, "account-two-factor-confirm", "account.twoFactor.title", SECTION)
                .value("byEmail", method == TwoFactorMethod.EMAIL);
        if (method == TwoFactorMethod.TOTP) {
            Optional<String> uri = portal.blocking.run(
                    () -> portal.useCases.twoFactor().pendingOtpauthUri(user.accountId()));
            if (uri.isEmpty()) {
                return Optional.empty();
            }
            // In the page itself (the API's own image of the URI): the secret it carries goes nowhere else.
            page.value("qrCode", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodePng.of(uri.get())))
                    .value("secret", grouped(secretOf(uri.get())));
        }
        return Optional.of(page);
    }

    /** The secret of an {@code otpauth://} URI, for a person who types it into the app instead of scanning. */
    private static String secretOf(String otpauthUri) {
        int query = otpauthUri.indexOf('?');
        List<String> parameters = query < 0 ? List.of() : List.of(otpauthUri.substring(query + 1).split("&"));
        return parameters.stream().filter(parameter -> parameter.startsWith("secret="))
                .map(parameter -> URLDecoder.decode(parameter.substring("secret=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse("");
    }

    /** The secret in groups of four, as authenticator apps show and accept it. */
    private static String grouped(String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }

    private TwoFactorStatus status(AuthenticatedUser user) {
        return portal.blocking.run(() -> portal.useCases.twoFactor().statusOf(user.accountId()));
    }
}
