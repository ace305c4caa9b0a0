package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * My Account: the pages behind the login where a person keeps their profile, e-mail address, password, two-factor
 * authentication and co-workers, and deletes the account. What they share: the routes, the login every page needs,
 * the account's own navigation, and the form fields built from a list rather than spelt out in each template.
 */
final class AccountPages {

    /** The account pages' paths: a logged-out visitor is sent to log in first. */
    static final Set<String> PATHS = Set.of("/account", "/account/email", "/account/email/confirm",
            "/account/password", "/account/two-factor", "/account/two-factor/turn-on", "/account/two-factor/confirm",
            "/account/two-factor/turn-off", "/account/two-factor/code", "/account/coworkers",
            "/account/coworkers/withdraw", "/account/delete", "/account/delete/code", "/account/deleted");

    /** One route of the account pages, which {@link PortalRoutes} mounts as every other page of the portal. */
    interface Routes {
        void page(HttpMethod method, String path, Handler<RoutingContext> handler);
    }

    /** The sections of My Account, in the order of its navigation: path and the bundle key of its name. */
    private static final List<Map.Entry<String, String>> SECTIONS = List.of(
            Map.entry("/account", "account.nav.profile"),
            Map.entry("/account/email", "account.nav.email"),
            Map.entry("/account/password", "account.nav.password"),
            Map.entry("/account/two-factor", "account.nav.twoFactor"),
            Map.entry("/account/coworkers", "account.nav.coworkers"),
            Map.entry("/account/delete", "account.nav.delete"));

    private final Portal portal;

    AccountPages(Portal portal) {
        this.portal = portal;
    }

    /** Adds every account page through {@code routes}. */
    void mount(Routes routes) {
        ProfilePages profile = new ProfilePages(portal);
        CredentialPages credentials = new CredentialPages(portal);
        TwoFactorPages twoFactor = new TwoFactorPages(portal);
        CoworkerPages coworkers = new CoworkerPages(portal);
        DeleteAccountPages delete = new DeleteAccountPages(portal);
        routes.page(HttpMethod.GET, "/account", profile::show);
        routes.page(HttpMethod.POST, "/account", profile::save);
        routes.page(HttpMethod.GET, "/account/email", credentials::showEmail);
        routes.page(HttpMethod.POST, "/account/email", credentials::requestEmail);
        routes.page(HttpMethod.GET, "/account/email/confirm", credentials::showEmailCode);
        routes.page(HttpMethod.POST, "/account/email/confirm", credentials::confirmEmail);
        routes.page(HttpMethod.GET, "/account/password", credentials::showPassword);
        routes.page(HttpMethod.POST, "/account/password", credentials::changePassword);
        routes.page(HttpMethod.GET, "/account/two-factor", twoFactor::show);
        routes.page(HttpMethod.GET, "/account/two-factor/turn-on", twoFactor::showMethods);
        routes.page(HttpMethod.POST, "/account/two-factor/turn-on", twoFactor::start);
        routes.page(HttpMethod.GET, "/account/two-factor/confirm", twoFactor::showConfirm);
        routes.page(HttpMethod.POST, "/account/two-factor/confirm", twoFactor::confirm);
        routes.page(HttpMethod.POST, "/account/two-factor/turn-off", twoFactor::turnOff);
        routes.page(HttpMethod.POST, "/account/two-factor/code", twoFactor::sendCode);
        routes.page(HttpMethod.GET, "/account/coworkers", coworkers::show);
        routes.page(HttpMethod.POST, "/account/coworkers", coworkers::invite);
        routes.page(HttpMethod.POST, "/account/coworkers/withdraw", coworkers::withdraw);
        routes.page(HttpMethod.GET, "/account/delete", delete::show);
        routes.page(HttpMethod.POST, "/account/delete", delete::delete);
        routes.page(HttpMethod.POST, "/account/delete/code", delete::sendCode);
        routes.page(HttpMethod.GET, "/account/deleted", delete::deleted);
    }

    /**
     * The logged-in person, or empty after sending a visitor without a session to log in (back to this page when it
     * is one to show). Checked before the form's token: a form of the account pages needs a session.
     */
    static Optional<AuthenticatedUser> user(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = Portal.visitOf(ctx).user();
        if (user.isEmpty()) {
            String path = ctx.request().path();
            boolean page = ctx.request().method() == HttpMethod.GET;
            Portal.redirect(ctx, "/login?next=" + (page ? path : "/account"));
        }
        return user;
    }

    /** The user of a posted form whose token is right; empty after the answer that says otherwise. */
    static Optional<AuthenticatedUser> formUser(Portal portal, RoutingContext ctx, Form form) {
        Optional<AuthenticatedUser> user = user(ctx);
        if (user.isEmpty() || !portal.csrfChecked(ctx, form)) {
            return Optional.empty();
        }
        return user;
    }

    /** An account page: its template and title, with the account's navigation marking {@code section}. */
    static Page page(Portal portal, String template, String titleKey, String section) {
        List<Map<String, Object>> nav = new ArrayList<>();
        for (Map.Entry<String, String> entry : SECTIONS) {
            nav.add(Map.of("href", entry.getKey(), "text", portal.messages.get(entry.getValue()),
                    "current", entry.getKey().equals(section)));
        }
        return Page.of(template, titleKey).value("accountNav", nav);
    }

    /** Each field error at its field, worded by the bundle where it has the code. */
    static void errors(Portal portal, Page page, List<FieldError> errors) {
        errors.forEach(error -> page.error(Portal.fieldName(error), portal.message(error)));
    }

    /**
     * A text input of a form, as the templates' {@code account-inputs} partial shows it: its label, the value typed
     * back, the message at it, and whether it is required.
     */
    static Map<String, Object> input(Portal portal, Page page, String name, String labelKey, String type,
            boolean required, String autocomplete) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("label", portal.messages.get(labelKey));
        field.put("type", type);
        field.put("required", required);
        if (!autocomplete.isEmpty()) {
            field.put("autocomplete", autocomplete);
        }
        field.put("value", page.fields.getOrDefault(name, ""));
        field.put("error", page.errors.getOrDefault(name, ""));
        field.put("invalid", page.errors.containsKey(name));
        return field;
    }

    /** A list of choices, as the {@code account-inputs} partial shows it. */
    static Map<String, Object> select(Portal portal, Page page, String name, String labelKey, String autocomplete,
            List<Map<String, Object>> options) {
        Map<String, Object> field = input(portal, page, name, labelKey, "select", true, autocomplete);
        field.put("select", true);
        field.put("options", options);
        return field;
    }

    /** Seconds to wait, as the pages say them. */
    static long seconds(java.time.Duration wait) {
        return LogInPages.seconds(wait);
    }
}
