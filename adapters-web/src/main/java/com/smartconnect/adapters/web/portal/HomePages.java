package com.smartconnect.adapters.web.portal;

import io.vertx.ext.web.RoutingContext;

/** The privacy notice, and the page after a verification. */
final class HomePages {

    private final Portal portal;

    HomePages(Portal portal) {
        this.portal = portal;
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
