package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.port.in.Profile;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The start page (a person's devices once logged in), the privacy notice, and the page after a verification. */
final class HomePages {

    private final Portal portal;

    HomePages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /}: a logged-in person's devices; everyone else goes to the login page. */
    void home(RoutingContext ctx) {
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            Portal.redirect(ctx, "/login");
            return;
        }
        Optional<Profile> profile = portal.blocking.run(
                () -> portal.useCases.profile().profileOf(visit.user().orElseThrow().accountId()));
        if (profile.isEmpty()) {
            // A live session of an account that is gone: nobody to show, so the person logs in again.
            portal.endSession(ctx);
            Portal.redirect(ctx, "/login");
            return;
        }
        portal.send(ctx, Page.of("devices", "devices.title")
                .value("greeting", portal.messages.format("devices.greeting", profile.get().name().first())));
    }

    /** {@code GET /privacy}: the privacy notice that sign-up asks a person to review. */
    void privacy(RoutingContext ctx) {
        portal.send(ctx, Page.of("privacy", "privacy.title"));
    }

    /** {@code GET /welcome}: the account is verified; the offer to turn on two-factor authentication, or skip it. */
    void welcome(RoutingContext ctx) {
        portal.send(ctx, Page.of("welcome", "welcome.title"));
    }
}
