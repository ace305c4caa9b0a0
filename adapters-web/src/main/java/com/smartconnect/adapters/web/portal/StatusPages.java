package com.smartconnect.adapters.web.portal;

import io.vertx.ext.web.RoutingContext;

/**
 * The UPS Status page, {@code GET /devices/status?productId=...&range=24h|7d|30d|90d}: for now only its history charts
 * (see {@link HistoryCharts}), for the owner and the owner's co-workers.
 */
final class StatusPages {

    private final Portal portal;
    private final DeviceLookup lookup;

    StatusPages(Portal portal) {
        this.portal = portal;
        this.lookup = new DeviceLookup(portal);
    }

    /** {@code GET /devices/status?productId=...}. */
    void show(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String range = ctx.queryParams().get("range");
        String returnTo = "/devices/status" + (productId == null ? ""
                : "?productId=" + java.net.URLEncoder.encode(productId, java.nio.charset.StandardCharsets.UTF_8));
        lookup.find(ctx, productId, returnTo, false).ifPresent(found -> {
            Page page = lookup.withTabs(Page.of("device-status", "status.tab"), found.device(), DeviceLookup.Tab.STATUS);
            portal.send(ctx, new HistoryCharts(portal).put(page, found, range));
        });
    }
}
