package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.PasswordResetRequestResult;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetCommand;
import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Forgot your password?: the e-mail address, the robot check, Reset Password. Every address gets the same answer, as
 * from the API, so the page tells nobody who has an account; the mail links to the reset page.
 */
final class PasswordPages {

    private static final String NO_CAPTCHA = "no-captcha-configured";

    private final Portal portal;

    PasswordPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /forgot-password}. */
    void show(RoutingContext ctx) {
        portal.send(ctx, form(""));
    }

    /** {@code POST /forgot-password}. */
    void submit(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        String email = form.get("email");
        String captchaToken = portal.settings().captcha().map(captcha -> form.get(captcha.responseField()))
                .orElse(NO_CAPTCHA);
        PasswordResetRequestResult result = portal.blocking.run(() -> portal.useCases.requestPasswordReset()
                .request(new RequestPasswordResetCommand(email, captchaToken, Portal.remoteAddress(ctx))));
        switch (result) {
            case PasswordResetRequestResult.Accepted ignored -> portal.send(ctx, Page.of("message", "forgot.title")
                    .value("heading", portal.messages.get("forgot.sentHeading"))
                    .value("paragraphs", List.of(portal.messages.get("forgot.sent")))
                    .value("linkHref", "/login").value("linkText", portal.messages.get("login.title")));
            case PasswordResetRequestResult.Invalid invalid -> {
                Page page = form(email).status(400);
                for (FieldError error : invalid.errors()) {
                    page.error(Portal.fieldName(error), portal.message(error));
                }
                portal.send(ctx, page);
            }
            case PasswordResetRequestResult.CaptchaFailed ignored ->
                    portal.send(ctx, form(email).status(400).error("captcha", portal.messages.get("error.CAPTCHA_FAILED")));
        }
    }

    private Page form(String email) {
        return Page.of("forgot-password", "forgot.title").field("email", email);
    }
}
