package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.domain.device.ProductId;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UPS a device page is about ({@code ?productId=...}) as the visitor may see it, and the pages of one UPS as a row
 * of tabs. A visitor who is not logged in is sent to log in and comes back; a UPS that is not theirs (nor a
 * co-worker's) is a 404 page, the same as one that does not exist; a co-worker asking to change it gets a 403 page.
 */
final class DeviceLookup {

    /** A device page, as a tab of the row: its path, its title's message key, and whether a co-worker sees it. */
    enum Tab {
        STATUS("/devices/status", "status.tab", true),
        EVENTS("/devices/events", "events.tab", true),
        NOTIFICATIONS("/devices/notifications", "notifications.tab", true),
        PROFILE("/devices/profile", "profile.title", false),
        SENSITIVITY("/devices/sensitivity", "sensitivity.title", false);

        final String path;
        final String labelKey;
        final boolean coworkers;

        Tab(String path, String labelKey, boolean coworkers) {
            this.path = path;
            this.labelKey = labelKey;
            this.coworkers = coworkers;
        }
    }

    /** The visitor and the UPS they asked for. */
    record Found(AuthenticatedUser user, RegisteredDeviceView device) {

        boolean owner() {
            return device.access() == DeviceAccess.OWNER;
        }
    }

    private final Portal portal;

    DeviceLookup(Portal portal) {
        this.portal = portal;
    }

    /**
     * The UPS named by {@code productId} as the visitor sees it; empty once the answer is sent (the login page with
     * {@code returnTo} to come back to, a 404 page, or a 403 page when {@code ownerOnly} and the visitor is a
     * co-worker). {@code returnTo} is a local path with its query, e.g. {@code /devices/events?productId=...}.
     */
    Optional<Found> find(RoutingContext ctx, String productId, String returnTo, boolean ownerOnly) {
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            String login = "/login?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
            if (Portal.isHtmx(ctx)) {
                Portal.htmxNavigate(ctx, login);
            } else {
                Portal.redirect(ctx, login);
            }
            return Optional.empty();
        }
        if (Portal.isHtmx(ctx) && (productId == null || !ProductId.isValid(productId))) {
            // A part of a page asked for a UPS that is not there: the whole page says so.
            Portal.htmxNavigate(ctx, returnTo);
            return Optional.empty();
        }
        if (productId == null || !ProductId.isValid(productId) || portal.deviceUseCases.isEmpty()) {
            notFound(ctx);
            return Optional.empty();
        }
        AuthenticatedUser user = visit.user().orElseThrow();
        Optional<RegisteredDeviceView> device = portal.blocking.run(
                () -> portal.deviceUseCases.get().devices().device(new DeviceCriteria(user, productId)));
        Found found = device.map(view -> new Found(user, view)).orElse(null);
        if (found == null || ownerOnly && !found.owner()) {
            if (Portal.isHtmx(ctx)) {
                Portal.htmxNavigate(ctx, returnTo);
            } else if (found == null) {
                notFound(ctx);
            } else {
                notOwner(ctx);
            }
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * The owner's UPS a form post changes ({@code productId} of the form), once the form's token is checked; empty once
     * the refusal (the expired-page 403, a login, a 404, or a 403 for a co-worker) is sent.
     */
    Optional<Found> findToChange(RoutingContext ctx, Form form, String returnTo) {
        if (!portal.csrfChecked(ctx, form)) {
            return Optional.empty();
        }
        return find(ctx, form.get("productId"), returnTo, true);
    }

    /**
     * Puts the UPS's heading values ({@code deviceName}, {@code model}, {@code productId}, {@code owner}) and its row of
     * tabs ({@code deviceTabs}, for the {@code device-nav} partial) on {@code page}, {@code current} marked.
     */
    Page withTabs(Page page, RegisteredDeviceView device, Tab current) {
        String id = device.productId().value();
        boolean owner = device.access() == DeviceAccess.OWNER;
        List<Map<String, Object>> tabs = java.util.Arrays.stream(Tab.values())
                .filter(tab -> owner || tab.coworkers)
                .map(tab -> Map.<String, Object>of(
                        "href", tab.path + "?productId=" + id,
                        "label", portal.messages.get(tab.labelKey),
                        "current", tab == current))
                .toList();
        return page.value("deviceName", device.name().orElse(portal.messages.format("devices.unnamed", device.model())))
                .value("model", device.model())
                .value("productId", id)
                .value("owner", owner)
                .value("deviceTabs", tabs);
    }

    void notFound(RoutingContext ctx) {
        portal.send(ctx, portal.messagePage(404, "device.notFound", "device.notFoundText", "/", "nav.devices"));
    }

    void notOwner(RoutingContext ctx) {
        portal.send(ctx, portal.messagePage(403, "device.notOwner", "device.notOwnerText", "/", "nav.devices"));
    }
}
