package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.Blocking;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.account.session.port.in.ResetPasswordCommand;
import com.smartconnect.application.account.session.port.in.ResetPasswordResult;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.domain.account.PasswordPolicy;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page a password reset mail links to, and the form it posts back: plain HTML for a browser, outside the JSON
 * API. The link's token travels in the URL and then in a hidden field; the passwords travel only in the posted form
 * and are never written back into a page.
 */
public final class PasswordResetPages {

    static final String TEMPLATE = "/pages/password-reset.mustache";
    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    static final String MISMATCH = "The passwords do not match.";
    static final String LINK_NOT_USABLE = "This link has expired or was already used.";
    static final String REQUEST_NEW_LINK =
            "Please request a new one from the login page: choose \u201cForgot your password?\u201d and enter your email address.";
    static final String LINK_INCOMPLETE = "This link is incomplete.";
    static final String DONE = "Your password has been reset. You can now log in with your new password.";

    private static final String OPEN_AGAIN = "Please open the link from the email again and fill in the form on that page.";
    private static final Logger LOG = System.getLogger(PasswordResetPages.class.getName());
    private static final String TITLE = "Reset your password";

    private final HttpApi.UseCases useCases;
    private final Blocking blocking;
    private final HtmlPage page;
    private final Messages messages = Messages.english();

    public PasswordResetPages(HttpApi.UseCases useCases, Blocking blocking) {
        this.useCases = useCases;
        this.blocking = blocking;
        this.page = HtmlPage.load(TEMPLATE);
    }

    /** {@code GET /password-reset?token=...}: the form while the link works, else a page that says why not. */
    public void show(RoutingContext ctx) {
        String token = nonBlank(ctx.queryParams().get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        if (!blocking.run(() -> useCases.passwordResetLink().isUsable(token))) {
            linkNotUsable(ctx);
            return;
        }
        form(ctx, 200, token, List.of());
    }

    /** {@code POST /password-reset}: the form as a browser posts it. */
    public void submit(RoutingContext ctx) {
        if (!isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            message(ctx, 415, "Form not readable", "The form could not be read.", List.of(OPEN_AGAIN));
            return;
        }
        // The form's own fields only: the body handler also merges them into the request parameters, with the query's.
        MultiMap form = ctx.request().formAttributes();
        String token = nonBlank(form.get("token"));
        if (token == null) {
            incomplete(ctx);
            return;
        }
        String password = form.get("password") == null ? "" : form.get("password");
        String confirmation = form.get("passwordConfirmation") == null ? "" : form.get("passwordConfirmation");
        if (!password.equals(confirmation)) {
            // A dead link is said at once, rather than after the person has typed the passwords again.
            if (!blocking.run(() -> useCases.passwordResetLink().isUsable(token))) {
                linkNotUsable(ctx);
            } else {
                form(ctx, 400, token, List.of(MISMATCH));
            }
            return;
        }
        ResetPasswordResult result = blocking.run(() -> useCases.resetPassword().reset(new ResetPasswordCommand(token, password)));
        switch (result) {
            case ResetPasswordResult.Done ignored -> message(ctx, 200, "Password reset", DONE, List.of());
            case ResetPasswordResult.LinkNotUsable ignored -> linkNotUsable(ctx);
            case ResetPasswordResult.WeakPassword weak ->
                    form(ctx, 400, token, weak.errors().stream().map(messages::fieldError).distinct().toList());
        }
    }

    /** Failures on the page routes (a form over the body limit, an unexpected error) answered as a page, not JSON. */
    public void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        switch (status) {
            case 413 -> message(ctx, 413, "Form too large", "The form sent was too large.", List.of(OPEN_AGAIN));
            case 400, 415 -> message(ctx, status, "Form not readable", "The form could not be read.",
                    List.of(OPEN_AGAIN));
            default -> {
                LOG.log(Level.ERROR, "Unexpected failure answering " + ctx.request().method() + " " + ctx.request().path()
                        + " (status " + status + ")", ctx.failure());
                message(ctx, 500, "Something went wrong", "Something went wrong on our side. Please try again later.",
                        List.of());
            }
        }
    }

    private void form(RoutingContext ctx, int status, String token, List<String> errors) {
        Map<String, Object> values = values(TITLE, TITLE, List.of("Please enter your new password twice."));
        values.put("form", true);
        values.put("token", token);
        values.put("hasErrors", !errors.isEmpty());
        values.put("errors", errors);
        page.sendTo(ctx, status, values);
    }

    private void linkNotUsable(RoutingContext ctx) {
        message(ctx, 410, "Link expired", LINK_NOT_USABLE, List.of(REQUEST_NEW_LINK));
    }

    private void incomplete(RoutingContext ctx) {
        message(ctx, 400, "Link incomplete", LINK_INCOMPLETE, List.of(
                "Please open the link from the email again, or copy the whole address from the email into your browser."));
    }

    /** A page that only says something: a heading and the sentences under it. */
    private void message(RoutingContext ctx, int status, String title, String heading, List<String> paragraphs) {
        Map<String, Object> values = values(title, heading, paragraphs);
        values.put("form", false);
        page.sendTo(ctx, status, values);
    }

    private static Map<String, Object> values(String title, String heading, List<String> paragraphs) {
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("heading", heading);
        values.put("paragraphs", paragraphs);
        values.put("minLength", PasswordPolicy.MIN_LENGTH);
        return values;
    }

    private static boolean isForm(String contentType) {
        return HtmlPage.hasMediaType(contentType, FORM_CONTENT_TYPE);
    }

    private static String nonBlank(String value) {
        return HtmlPage.nonBlank(value);
    }
}
