package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.ResetPasswordCommand;
import com.smartconnect.application.account.session.port.in.ResetPasswordResult;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The page a password reset mail links to, and the form it posts back, in the portal's frame. The link's token
 * travels in the URL and then in a hidden field, beside the page's {@code csrf}; the passwords travel only in the posted form and are never written
 * back into a page.
 */
public final class PasswordResetPages {

    private final LinkPages pages;
    private final Portal portal;

    PasswordResetPages(LinkPages pages) {
        this.pages = pages;
        this.portal = pages.portal;
    }

    /** {@code GET /password-reset?token=...}: the form while the link works, else a page that says why not. */
    public void show(RoutingContext ctx) {
        String token = LinkPages.nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        if (!portal.blocking.run(() -> portal.useCases.passwordResetLink().isUsable(token))) {
            linkNotUsable(ctx);
            return;
        }
        portal.send(ctx, form(token));
    }

    /** {@code POST /password-reset}: the form as a browser posts it. */
    public void submit(RoutingContext ctx) {
        if (!LinkPages.hasMediaType(ctx, LinkPages.FORM)) {
            pages.formNotReadable(415).sendTo(ctx);
            return;
        }
        if (!portal.csrfChecked(ctx, Form.of(ctx))) {
            return;
        }
        // The form's own fields only: the body handler also merges them into the request parameters, with the query's.
        MultiMap form = ctx.request().formAttributes();
        String token = LinkPages.nonBlank(form.get("token"));
        if (token == null) {
            pages.incomplete().sendTo(ctx);
            return;
        }
        String password = form.get("password") == null ? "" : form.get("password");
        String confirmation = form.get("passwordConfirmation") == null ? "" : form.get("passwordConfirmation");
        if (!password.equals(confirmation)) {
            // A dead link is said at once, rather than after the person has typed the passwords again.
            if (!portal.blocking.run(() -> portal.useCases.passwordResetLink().isUsable(token))) {
                linkNotUsable(ctx);
            } else {
                portal.send(ctx, form(token).status(400)
                        .error("passwordConfirmation", portal.messages.get("account.password.mismatch")));
            }
            return;
        }
        ResetPasswordResult result = portal.blocking.run(
                () -> portal.useCases.resetPassword().reset(new ResetPasswordCommand(token, password)));
        switch (result) {
            case ResetPasswordResult.Done ignored -> portal.send(ctx, Page.of("message", "reset.done.title")
                    .value("heading", portal.messages.get("reset.done.heading"))
                    .value("paragraphs", List.of(portal.messages.get("reset.done.text")))
                    .value("linkHref", "/login").value("linkText", portal.messages.get("login.title")));
            case ResetPasswordResult.LinkNotUsable ignored -> linkNotUsable(ctx);
            case ResetPasswordResult.WeakPassword weak -> {
                // Every rule the password breaks, at the password field: the person fixes them all at once.
                List<String> messages = weak.errors().stream().map(portal::message).distinct().toList();
                portal.send(ctx, form(token).status(400).error("password", messages.getFirst())
                        .value("passwordErrors", messages));
            }
        }
    }

    /** Failures on the page routes (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        pages.answerFailure(ctx);
    }

    private Page form(String token) {
        return Page.of("password-reset", "reset.title").value("token", token).value("passwordErrors", List.of());
    }

    private void linkNotUsable(RoutingContext ctx) {
        pages.answer(410, "reset.expired.title", "reset.expired.heading").paragraph("reset.expired.text").sendTo(ctx);
    }
}
