package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.registration.port.in.ResendCodeCommand;
import com.smartconnect.application.account.registration.port.in.ResendResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.domain.registration.RegistrationId;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Verify your account: the 6-digit code from the mail in six boxes (one field per digit, so the page works without
 * a script; the script moves along the boxes and spreads a pasted code over them), and a new code on request.
 */
final class VerifyPages {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final int DIGITS = 6;

    private final Portal portal;

    VerifyPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /verify?registration=...}. */
    void show(RoutingContext ctx) {
        Optional<RegistrationId> id = registration(ctx.queryParams().get("registration"));
        if (id.isEmpty()) {
            notFound(ctx);
            return;
        }
        Page page = page(id.get());
        if ("notVerified".equals(ctx.queryParams().get("notice"))) {
            page.notice(portal.messages.get("verify.notVerified"));
        }
        portal.send(ctx, page);
    }

    /** {@code POST /verify}: the six digits. */
    void submit(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Optional<RegistrationId> id = registration(form.get("registration"));
        if (id.isEmpty()) {
            notFound(ctx);
            return;
        }
        String code = String.join("", form.all("digit")).replace(" ", "");
        VerificationResult result = portal.blocking.run(
                () -> portal.useCases.verify().verify(new VerifyRegistrationCommand(id.get(), code)));
        switch (result) {
            case VerificationResult.Verified ignored -> Portal.redirect(ctx, "/welcome");
            case VerificationResult.MalformedCode ignored -> codeError(ctx, id.get(), 400, "error.INVALID_CODE_FORMAT");
            case VerificationResult.WrongCode wrong -> portal.send(ctx, page(id.get()).status(400).error("code",
                    portal.messages.format("error.CODE_INCORRECT", wrong.attemptsLeft())));
            case VerificationResult.CodeExpired ignored -> codeError(ctx, id.get(), 400, "error.CODE_EXPIRED");
            case VerificationResult.TooManyAttempts ignored -> codeError(ctx, id.get(), 429, "error.TOO_MANY_ATTEMPTS");
            case VerificationResult.AlreadyVerified ignored -> Portal.redirect(ctx, "/login?notice=alreadyVerified");
            case VerificationResult.EmailTaken ignored ->
                    portal.send(ctx, page(id.get()).status(409).alert(portal.messages.get("error.EMAIL_TAKEN")));
            case VerificationResult.InvitationNoLongerValid ignored ->
                    portal.send(ctx, page(id.get()).status(410).alert(portal.messages.get("error.INVITATION_EXPIRED")));
            case VerificationResult.NotFound ignored -> notFound(ctx);
        }
    }

    /** {@code POST /verify/resend}: a new code by mail; with htmx, only the status line under the button changes. */
    void resend(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Optional<RegistrationId> id = registration(form.get("registration"));
        if (id.isEmpty()) {
            notFound(ctx);
            return;
        }
        ResendResult result = portal.blocking.run(() -> portal.useCases.resend().resend(new ResendCodeCommand(id.get())));
        String message;
        int status = 200;
        switch (result) {
            case ResendResult.Sent ignored -> message = portal.messages.get("code.resent");
            case ResendResult.TooSoon tooSoon -> {
                status = 429;
                message = portal.messages.format("error.RESEND_TOO_SOON", LogInPages.seconds(tooSoon.retryAfter()));
            }
            case ResendResult.LimitReached ignored -> {
                status = 429;
                message = portal.messages.get("error.RESEND_LIMIT_REACHED");
            }
            case ResendResult.AlreadyVerified ignored -> {
                Portal.redirect(ctx, "/login?notice=alreadyVerified");
                return;
            }
            case ResendResult.NotFound ignored -> {
                notFound(ctx);
                return;
            }
        }
        if (Portal.isHtmx(ctx)) {
            portal.sendFragment(ctx, 200, "resend-status", Map.of("message", message));
            return;
        }
        portal.send(ctx, page(id.get()).status(status).value("resendStatus", message));
    }

    private void codeError(RoutingContext ctx, RegistrationId id, int status, String key) {
        portal.send(ctx, page(id).status(status).error("code", portal.messages.get(key)));
    }

    private Page page(RegistrationId id) {
        return Page.of("verify", "verify.title")
                .value("registration", id.value().toString())
                .value("digits", java.util.stream.IntStream.rangeClosed(1, DIGITS)
                        .mapToObj(n -> Map.of("n", n)).toList());
    }

    private void notFound(RoutingContext ctx) {
        portal.send(ctx, Page.of("message", "verify.title").status(404)
                .value("heading", portal.messages.get("verify.notFound"))
                .value("paragraphs", List.of(portal.messages.get("verify.notFoundText")))
                .value("linkHref", "/signup").value("linkText", portal.messages.get("signup.title")));
    }

    private static Optional<RegistrationId> registration(String value) {
        return value != null && UUID_TEXT.matcher(value).matches()
                ? Optional.of(new RegistrationId(UUID.fromString(value))) : Optional.empty();
    }
}
