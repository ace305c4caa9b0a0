package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.DeviceCommandResult;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerCommand;
import com.smartconnect.application.reseller.port.in.InviteResellerResult;
import com.smartconnect.application.reseller.port.in.ResellerInterestCommand;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Sensitivity;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps after Register UPS, as the seed has them: UPS Profile (UPS Name, UPS Description, Timezone, Notifications;
 * Save Profile), Device Sensitivity (Next, then Finish), and the Reseller page when the registration offered it, with
 * Not interested?. The profile and sensitivity pages are the owner's way to change them later as well. The steps
 * carry {@code setup=1} (and {@code reseller=1} when the Reseller step follows) from page to page.
 */
final class DeviceSetupPages {

    /** Every IANA time zone, sorted: the searchable list of the Timezone field. */
    private static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                    .sorted()).toList();

    private final Portal portal;
    private final DeviceLookup lookup;

    DeviceSetupPages(Portal portal) {
        this.portal = portal;
        this.lookup = new DeviceLookup(portal);
    }

    /** Where a setup step goes, and whether it is part of the setup after registering. */
    private record Step(String productId, boolean setup, boolean reseller) {

        String query() {
            return "productId=" + productId + (setup ? "&setup=1" : "") + (reseller ? "&reseller=1" : "");
        }
    }

    /** {@code GET /devices/profile?productId=...}. */
    void showProfile(RoutingContext ctx) {
        Optional<Owned> owned = owned(ctx, step(ctx.queryParams().get("productId"), ctx.queryParams().get("setup"),
                ctx.queryParams().get("reseller")), "/devices/profile");
        if (owned.isEmpty()) {
            return;
        }
        RegisteredDeviceView device = owned.get().device();
        Page page = profilePage(owned.get().step(), device)
                .field("name", device.name().orElse(""))
                .field("description", device.description().orElse(""))
                .field("timeZone", zoneName(device.timeZone()))
                .value("notifications", device.notifications());
        if (owned.get().step().setup()) {
            page.notice(portal.messages.format("profile.registered", device.model(), device.productId().value()));
        }
        portal.send(ctx, page);
    }

    /** {@code POST /devices/profile}: Save Profile. */
    void saveProfile(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Optional<Owned> owned = owned(ctx, step(form.get("productId"), form.get("setup"), form.get("reseller")),
                "/");
        if (owned.isEmpty()) {
            return;
        }
        Step step = owned.get().step();
        boolean notifications = form.has("notifications");
        DeviceChangeResult result = portal.blocking.run(() -> portal.deviceUseCases.get().updateProfile()
                .updateProfile(new UpdateDeviceProfileCommand(owned.get().user(), step.productId(),
                        Optional.of(form.get("name")), Optional.of(form.get("description")),
                        Optional.of(form.get("timeZone")), Optional.of(notifications))));
        switch (result) {
            case DeviceChangeResult.Changed ignored -> Portal.redirect(ctx, step.setup()
                    ? "/devices/sensitivity?" + step.query() : "/?notice=saved");
            case DeviceChangeResult.Invalid invalid -> {
                Page page = profilePage(step, owned.get().device()).status(400)
                        .field("name", form.get("name")).field("description", form.get("description"))
                        .field("timeZone", form.get("timeZone")).value("notifications", notifications);
                for (FieldError error : invalid.errors()) {
                    page.error(Portal.fieldName(error), portal.message(error));
                }
                portal.send(ctx, page);
            }
            case DeviceChangeResult.NotFound ignored -> notFound(ctx);
            case DeviceChangeResult.NotOwner ignored -> notOwner(ctx);
        }
    }

    /** {@code GET /devices/sensitivity?productId=...}. */
    void showSensitivity(RoutingContext ctx) {
        Optional<Owned> owned = owned(ctx, step(ctx.queryParams().get("productId"), ctx.queryParams().get("setup"),
                ctx.queryParams().get("reseller")), "/devices/sensitivity");
        if (owned.isEmpty()) {
            return;
        }
        portal.send(ctx, sensitivityPage(owned.get().step(), owned.get().device()));
    }

    /** {@code POST /devices/sensitivity}: Next; the UPS receives the sensitivity as a command. */
    void saveSensitivity(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Optional<Owned> owned = owned(ctx, step(form.get("productId"), form.get("setup"), form.get("reseller")),
                "/");
        if (owned.isEmpty()) {
            return;
        }
        Step step = owned.get().step();
        DeviceCommandResult result = portal.blocking.run(() -> portal.deviceUseCases.get().setSensitivity()
                .setSensitivity(new SetDeviceSensitivityCommand(owned.get().user(), step.productId(),
                        form.get("sensitivity"))));
        switch (result) {
            case DeviceCommandResult.Issued ignored -> Portal.redirect(ctx, step.setup()
                    ? "/devices/finish?" + step.query() : "/?notice=saved");
            case DeviceCommandResult.Invalid invalid -> {
                Page page = sensitivityPage(step, owned.get().device()).status(400);
                for (FieldError error : invalid.errors()) {
                    page.error("sensitivity", portal.message(error));
                }
                portal.send(ctx, page);
            }
            case DeviceCommandResult.NotFound ignored -> notFound(ctx);
            case DeviceCommandResult.NotOwner ignored -> notOwner(ctx);
            // Neither applies to the sensitivity; answered as the use case words them, should that change.
            case DeviceCommandResult.TwoFactorRequired ignored -> notOwner(ctx);
            case DeviceCommandResult.PlanDoesNotInclude ignored -> notOwner(ctx);
            case DeviceCommandResult.UnknownOutletGroup ignored -> notFound(ctx);
        }
    }

    /** {@code GET /devices/finish?productId=...}: the last step; Finish leads to the Reseller step or My devices. */
    void finish(RoutingContext ctx) {
        Optional<Owned> owned = owned(ctx, step(ctx.queryParams().get("productId"), "1",
                ctx.queryParams().get("reseller")), "/devices/finish");
        if (owned.isEmpty()) {
            return;
        }
        RegisteredDeviceView device = owned.get().device();
        portal.send(ctx, Page.of("device-finish", "finish.title")
                .value("deviceName", device.name().orElse(device.model()))
                .value("finishHref", owned.get().step().reseller() ? "/devices/reseller-offer" : "/?notice=added")
                .value("sensitivity", portal.messages.get("sensitivity." + device.sensitivity().name()))
                .value("sensitivityHref", "/devices/sensitivity?" + owned.get().step().query()));
    }

    /** {@code GET /devices/reseller-offer}: the Reseller step after adding a device. */
    void showResellerOffer(RoutingContext ctx) {
        if (!Portal.visitOf(ctx).loggedIn()) {
            Portal.redirect(ctx, "/login?next=/devices/reseller-offer");
            return;
        }
        portal.send(ctx, Page.of("reseller-offer", "resellerOffer.title"));
    }

    /** {@code POST /devices/reseller-offer}: Send Invite, or Skip; either with Not interested? ticked or not. */
    void submitResellerOffer(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        Portal.Visit visit = Portal.visitOf(ctx);
        if (!visit.loggedIn()) {
            Portal.redirect(ctx, "/login?next=/devices/reseller-offer");
            return;
        }
        AuthenticatedUser user = visit.user().orElseThrow();
        boolean notInterested = form.has("notInterested");
        if (notInterested) {
            portal.blocking.run(() -> portal.useCases.manageReseller().setNotInterested(new ResellerInterestCommand(user, true)));
        }
        if (!"invite".equals(form.get("action"))) {
            Portal.redirect(ctx, "/?notice=added");
            return;
        }
        InviteResellerResult result = portal.blocking.run(
                () -> portal.useCases.inviteReseller().invite(new InviteResellerCommand(user, form.get("email"))));
        Page page = Page.of("reseller-offer", "resellerOffer.title").field("email", form.get("email"))
                .value("notInterested", notInterested);
        switch (result) {
            case InviteResellerResult.Invited ignored -> {
                portal.send(ctx, Page.of("message", "resellerOffer.title")
                        .value("heading", portal.messages.get("resellerOffer.sentHeading"))
                        .value("paragraphs", List.of(portal.messages.format("resellerOffer.sent", form.get("email"))))
                        .value("linkHref", "/?notice=added").value("linkText", portal.messages.get("finish.submit")));
                return;
            }
            case InviteResellerResult.Invalid invalid -> {
                for (FieldError error : invalid.errors()) {
                    page.error("email", portal.message(error));
                }
                page.status(400);
            }
            case InviteResellerResult.AlreadyInvited ignored ->
                    page.status(409).alert(portal.messages.get("resellerOffer.alreadyInvited"));
            case InviteResellerResult.AlreadyConnected ignored ->
                    page.status(409).alert(portal.messages.get("resellerOffer.alreadyConnected"));
            case InviteResellerResult.TooManyInvitations tooMany -> page.status(429).alert(portal.messages.format(
                    "resellerOffer.tooMany", Math.max(1, (LogInPages.seconds(tooMany.retryAfter()) + 3599) / 3600)));
        }
        portal.send(ctx, page);
    }

    /** A device the visitor owns, with the visitor; empty once the answer (a login, a 404, a refusal) is sent. */
    private record Owned(AuthenticatedUser user, RegisteredDeviceView device, Step step) {
    }

    private Optional<Owned> owned(RoutingContext ctx, Optional<Step> step, String path) {
        String returnTo = path + step.map(s -> "?" + s.query()).orElse("");
        return lookup.find(ctx, step.map(Step::productId).orElse(null), returnTo, true)
                .map(found -> new Owned(found.user(), found.device(), step.orElseThrow()));
    }

    /** Outside the setup steps, the UPS's own pages as tabs above the form. */
    private Page tabs(Step step, RegisteredDeviceView device, Page page, DeviceLookup.Tab current) {
        return step.setup() ? page : lookup.withTabs(page, device, current).value("tabs", true);
    }

    /** The name the Timezone field takes: a new registration's UTC offset is {@code UTC}. */
    private static String zoneName(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static Optional<Step> step(String productId, String setup, String reseller) {
        return productId != null && ProductId.isValid(productId)
                ? Optional.of(new Step(productId, "1".equals(setup), "1".equals(reseller))) : Optional.empty();
    }

    private Page profilePage(Step step, RegisteredDeviceView device) {
        return tabs(step, device, Page.of("device-profile", "profile.title"), DeviceLookup.Tab.PROFILE)
                .value("productId", step.productId())
                .value("setup", step.setup())
                .value("reseller", step.reseller())
                .value("model", device.model())
                .value("zones", ZONES);
    }

    private Page sensitivityPage(Step step, RegisteredDeviceView device) {
        Sensitivity current = device.sensitivity();
        List<Map<String, Object>> choices = Arrays.stream(Sensitivity.values()).map(level -> Map.<String, Object>of(
                "value", level.name(),
                "id", "sensitivity-" + level.name().toLowerCase(java.util.Locale.ROOT),
                "label", portal.messages.get("sensitivity." + level.name()),
                "hint", portal.messages.get("sensitivity." + level.name() + ".hint"),
                "checked", level == current)).toList();
        return tabs(step, device, Page.of("device-sensitivity", "sensitivity.title"), DeviceLookup.Tab.SENSITIVITY)
                .value("productId", step.productId())
                .value("setup", step.setup())
                .value("reseller", step.reseller())
                .value("choices", choices);
    }

    private void notFound(RoutingContext ctx) {
        lookup.notFound(ctx);
    }

    private void notOwner(RoutingContext ctx) {
        lookup.notOwner(ctx);
    }
}
