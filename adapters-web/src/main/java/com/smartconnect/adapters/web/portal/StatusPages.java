package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.application.device.port.in.DeviceCommandCriteria;
import com.smartconnect.application.device.port.in.DeviceCommandResult;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.RebootOutletGroupCommand;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.lifecycle.port.in.LifecycleEventView;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderCommand;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderResult;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanFeature;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The UPS Status page ({@code /devices/status}) and what is done from it: what the API's status page holds (model,
 * serial number, firmware, online or last seen, the latest status flags in words and its measurements), Battery >
 * Replace By and Device > Warranty with the customer's reminder to their reseller, the plan and what it includes, the
 * history charts ({@link HistoryCharts}), and the outlet groups, each with Reboot: a confirm step, then a page that
 * follows the command until the UPS answers (htmx asks every 2 seconds; without JavaScript, a Refresh link). The owner
 * and their co-workers see it; co-workers only read.
 */
final class StatusPages {

    static final Set<String> PATHS = Set.of("/devices/status", "/devices/remind", "/devices/reboot", "/devices/command");
    /** A command id as the server issues them (a UUID); anything else names no command. */
    private static final Pattern COMMAND_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String TWO_FACTOR_PAGE = "/account/two-factor";

    private final Portal portal;
    private final DeviceLookup lookup;
    private final StatusWords words;

    StatusPages(Portal portal) {
        this.portal = portal;
        this.lookup = new DeviceLookup(portal);
        this.words = new StatusWords(portal.messages);
    }

    /** {@code GET /devices/status?productId=...[&range=24h|7d|30d|90d][&reminded=kind]}. */
    void show(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String range = range(ctx.queryParams().get("range"));
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, statusHref(productId, range), false);
        if (found.isEmpty()) {
            return;
        }
        List<LifecycleEventView> events = events(found.get());
        Page page = statusPage(found.get(), range, events);
        String reminded = ctx.queryParams().get("reminded");
        events.stream().filter(event -> event.kind().slug().equals(reminded)).findFirst().ifPresent(event ->
                page.notice(portal.messages.format("status.reminder.sent", event.title())));
        portal.send(ctx, page);
    }

    /** {@code POST /devices/remind}: the customer's reminder of a lifecycle event to their connected reseller. */
    void remind(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String productId = form.get("productId");
        String range = range(form.get("range"));
        Optional<DeviceLookup.Found> found = lookup.findToChange(ctx, form, statusHref(productId, range));
        if (found.isEmpty()) {
            return;
        }
        String kind = form.get("kind");
        SendLifecycleReminderResult result = portal.blocking.run(() -> portal.deviceUseCases.get()
                .sendLifecycleReminder().send(new SendLifecycleReminderCommand(found.get().user(), productId, kind)));
        String refusal;
        boolean resellerLink = false;
        switch (result) {
            case SendLifecycleReminderResult.Sent ignored -> {
                Portal.redirect(ctx, statusHref(productId, range) + "&reminded="
                        + URLEncoder.encode(kind, StandardCharsets.UTF_8));
                return;
            }
            case SendLifecycleReminderResult.NotFound ignored -> {
                // The UPS is there (looked up above): the form named no lifecycle event of it.
                portal.send(ctx, statusPage(found.get(), range, events(found.get())).status(400)
                        .value("reminderRefusal", Map.of("text", portal.messages.get("status.reminder.unknown"),
                                "resellerLink", false)));
                return;
            }
            case SendLifecycleReminderResult.NotOwner ignored -> {
                lookup.notOwner(ctx);
                return;
            }
            case SendLifecycleReminderResult.NoConnectedReseller ignored -> {
                refusal = portal.messages.get("status.reminder.noReseller");
                resellerLink = true;
            }
            case SendLifecycleReminderResult.EventTooOld old -> refusal = portal.messages.format(
                    "status.reminder.tooOld", StatusWords.day(old.occurredOn()));
            case SendLifecycleReminderResult.AlreadySentToday ignored ->
                    refusal = portal.messages.get("status.reminder.alreadySent");
        }
        portal.send(ctx, statusPage(found.get(), range, events(found.get())).status(409)
                .value("reminderRefusal", Map.of("text", refusal, "resellerLink", resellerLink)));
    }

    /** {@code GET /devices/reboot?productId=...&outletGroup=...}: "Reboot outlet group X of UPS Y?", the owner's. */
    void confirmReboot(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String group = Optional.ofNullable(ctx.queryParams().get("outletGroup")).map(String::strip).orElse("");
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, "/devices/reboot?productId=" + productId
                + "&outletGroup=" + URLEncoder.encode(group, StandardCharsets.UTF_8), true);
        if (found.isEmpty()) {
            return;
        }
        RegisteredDeviceView device = found.get().device();
        if (!device.outletGroups().contains(group)) {
            sendUnknownGroup(ctx, device, group, device.outletGroups());
            return;
        }
        portal.send(ctx, lookup.withTabs(Page.of("device-reboot", "reboot.title"), device, DeviceLookup.Tab.STATUS)
                .value("heading", portal.messages.format("reboot.heading", group, deviceName(device)))
                .value("outletGroup", group)
                .value("online", device.online())
                .value("statusHref", statusHref(device.productId().value(), HistoryRange.LAST_24_HOURS.code())));
    }

    /** {@code POST /devices/reboot}: the reboot sent through the use case, or its refusal as a page. */
    void reboot(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String productId = form.get("productId");
        String group = form.get("outletGroup");
        Optional<DeviceLookup.Found> found = lookup.findToChange(ctx, form, statusHref(productId,
                HistoryRange.LAST_24_HOURS.code()));
        if (found.isEmpty()) {
            return;
        }
        DeviceLookup.Found visitor = found.get();
        DeviceCommandResult result = portal.blocking.run(() -> portal.deviceUseCases.get().rebootOutletGroup()
                .reboot(new RebootOutletGroupCommand(visitor.user(), productId, group)));
        switch (result) {
            case DeviceCommandResult.Issued issued -> Portal.redirect(ctx,
                    commandHref(productId, issued.command().commandId()));
            case DeviceCommandResult.NotFound ignored -> lookup.notFound(ctx);
            case DeviceCommandResult.NotOwner ignored -> lookup.notOwner(ctx);
            case DeviceCommandResult.TwoFactorRequired ignored -> sendTwoFactorRequired(ctx, visitor, group);
            case DeviceCommandResult.PlanDoesNotInclude excluded -> sendRefusal(ctx, visitor.device(), 403,
                    portal.messages.get("reboot.plan.heading"), List.of(
                            portal.messages.format("reboot.plan.text", planName(excluded.plan())),
                            portal.messages.get("reboot.plan.buy")), List.of(), List.of(), Optional.empty());
            case DeviceCommandResult.UnknownOutletGroup unknown ->
                    sendUnknownGroup(ctx, visitor.device(), group, unknown.outletGroups());
            case DeviceCommandResult.Invalid invalid -> sendRefusal(ctx, visitor.device(), 400,
                    portal.messages.get("reboot.invalid.heading"), List.of(portal.messages.format(
                            "reboot.invalid.text", String.join(", ", visitor.device().outletGroups()))),
                    List.of(), List.of(), Optional.empty());
        }
    }

    /**
     * {@code GET /devices/command?productId=...&commandId=...}: a command sent to the UPS, followed until it is
     * settled. htmx asks again every 2 seconds with {@code shown=<state>}, and is answered 204 (nothing to swap)
     * while the state is still the one shown, so that the status region speaks only when something changed.
     */
    void command(RoutingContext ctx) {
        String productId = ctx.queryParams().get("productId");
        String commandId = Optional.ofNullable(ctx.queryParams().get("commandId")).orElse("");
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, commandHref(productId, commandId), false);
        if (found.isEmpty()) {
            return;
        }
        Optional<DeviceCommand> command = COMMAND_ID.matcher(commandId).matches()
                ? portal.blocking.run(() -> portal.deviceUseCases.get().devices().command(
                        new DeviceCommandCriteria(found.get().user(), productId, commandId)))
                : Optional.empty();
        if (command.isEmpty() && Portal.isHtmx(ctx)) {
            Portal.htmxNavigate(ctx, commandHref(productId, commandId));
            return;
        }
        if (command.isEmpty()) {
            portal.send(ctx, portal.messagePage(404, "command.notFound", "command.notFoundText",
                    statusHref(productId, HistoryRange.LAST_24_HOURS.code()), "status.back"));
            return;
        }
        Map<String, Object> state = commandState(found.get().device(), command.get());
        if (Portal.isHtmx(ctx)) {
            if (command.get().state().name().equals(ctx.queryParams().get("shown"))) {
                ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
            } else {
                portal.sendFragment(ctx, 200, "device-command-state", state);
            }
            return;
        }
        RegisteredDeviceView device = found.get().device();
        DeviceCommand sent = command.get();
        Page page = lookup.withTabs(Page.of("device-command", "command.title"), device, DeviceLookup.Tab.STATUS)
                .value("heading", sent.type() == DeviceCommandType.REBOOT_OUTLET_GROUP
                        ? portal.messages.format("command.reboot.heading", sent.argument(), deviceName(device))
                        : portal.messages.format("command.sensitivity.heading",
                                portal.messages.find("sensitivity." + sent.argument()).orElse(sent.argument())))
                .value("issuedAt", portal.messages.format("command.issuedAt",
                        StatusWords.at(sent.issuedAt(), device.timeZone())))
                .value("state", state)
                .value("statusHref", statusHref(productId, HistoryRange.LAST_24_HOURS.code()));
        portal.send(ctx, page);
    }

    /** The values of the {@code device-command-state} fragment: the state in words, and how to ask again. */
    private Map<String, Object> commandState(RegisteredDeviceView device, DeviceCommand command) {
        DeviceCommandState state = command.state();
        boolean reboot = command.type() == DeviceCommandType.REBOOT_OUTLET_GROUP;
        String key = "command.state." + state.name();
        Map<String, Object> values = new HashMap<>();
        values.put("stateName", state.name().toLowerCase(Locale.ROOT));
        values.put("word", portal.messages.get(key));
        String text = switch (state) {
            case PENDING -> device.online() ? portal.messages.get(key + ".text")
                    : portal.messages.format(key + ".offline", StatusWords.at(command.expiresAt(), device.timeZone()));
            case DELIVERED -> portal.messages.get(key + (reboot ? ".reboot" : ".text"));
            case OK -> reboot ? portal.messages.format(key + ".reboot", command.argument())
                    : portal.messages.get(key + ".text");
            case FAILED, EXPIRED -> portal.messages.get(key + ".text");
        };
        values.put("text", text);
        command.message().ifPresent(message -> values.put("answer", message));
        command.settledAt().ifPresent(at -> values.put("settledAt",
                portal.messages.format("command.settledAt", StatusWords.at(at, device.timeZone()))));
        values.put("settled", state.isSettled());
        values.put("ok", state == DeviceCommandState.OK);
        values.put("failed", state == DeviceCommandState.FAILED || state == DeviceCommandState.EXPIRED);
        String href = commandHref(device.productId().value(), command.commandId());
        values.put("refreshHref", href);
        values.put("pollHref", href + "&shown=" + state.name());
        // Waiting for a UPS that is not connected can take up to a day: ask every 30 seconds then, not every 2.
        values.put("pollEvery", state == DeviceCommandState.PENDING && !device.online() ? "30s" : "2s");
        return values;
    }

    private Page statusPage(DeviceLookup.Found found, String range, List<LifecycleEventView> events) {
        RegisteredDeviceView device = found.device();
        String id = device.productId().value();
        boolean owner = found.owner();
        Page page = lookup.withTabs(Page.of("device-status", "status.title"), device, DeviceLookup.Tab.STATUS)
                .value("range", range);
        // Now: online or last seen, the latest status.
        Optional<DeviceStatus> status = device.latestStatus();
        page.value("online", device.online())
                .value("connection", words.connection(device))
                .value("flags", words.flags(status.map(DeviceStatus::flags).orElse(List.of())))
                .value("alarm", status.map(s -> StatusWords.alarming(s.flags())).orElse(false))
                .value("noStatus", status.isEmpty())
                .value("measurements", status.map(this::measurements).orElse(List.of()));
        status.ifPresent(s -> page.value("statusAt", portal.messages.format("status.statusAt",
                StatusWords.at(s.sentAt(), device.timeZone()))));
        // The device.
        page.value("serialNumber", device.serialNumber())
                .value("firmware", device.firmware().orElse(portal.messages.get("devices.unknown")))
                .value("smartConnect", portal.messages.get(device.smartConnectEnabled() ? "status.smartConnect.on"
                        : "status.smartConnect.off"))
                .value("timeZone", timeZone(device.timeZone()))
                .value("registeredAt", StatusWords.at(device.registeredAt(), device.timeZone()))
                .value("batterySku", device.batterySku());
        // Battery > Replace By, Device > Warranty, and the plan's end, with the reminder to the reseller.
        LocalDate today = LocalDate.now(portal.clock);
        page.value("battery", lifecycle(events, LifecycleKind.BATTERY, device.batteryReplaceBy(), owner, id, range))
                .value("warranty", lifecycle(events, LifecycleKind.WARRANTY, device.warrantyEndsOn(), owner, id, range))
                .value("batteryDue", !device.batteryReplaceBy().isAfter(today));
        List<Map<String, Object>> planEvents = new ArrayList<>();
        events.stream().filter(e -> e.kind() == LifecycleKind.STANDARD_PLAN || e.kind() == LifecycleKind.ADVANCED_PLAN)
                .forEach(e -> planEvents.add(lifecycle(e, owner, id, range)));
        page.value("planEvents", planEvents);
        plan(page, device);
        // The outlet groups, each with Reboot for the owner.
        page.value("outletGroups", device.outletGroups().stream().map(group -> Map.<String, Object>of(
                        "name", group,
                        "rebootHref", "/devices/reboot?productId=" + id + "&outletGroup="
                                + URLEncoder.encode(group, StandardCharsets.UTF_8)))
                        .toList())
                .value("noOutletGroups", device.outletGroups().isEmpty());
        return new HistoryCharts(portal).put(page, found, range);
    }

    /** The plan in force now, until when, and what it includes. */
    private void plan(Page page, RegisteredDeviceView device) {
        Optional<PlanView> view = portal.blocking.run(() -> portal.useCases.plans().planOf(device.productId()));
        Plan plan = view.map(PlanView::plan).orElse(Plan.BASIC);
        page.value("planName", planName(plan));
        view.flatMap(PlanView::endsAt).ifPresent(end -> page.value("planUntil",
                portal.messages.format("status.plan.until",
                        StatusWords.day(com.smartconnect.domain.plan.DevicePlan.lastDayOf(end)))));
        page.value("planNote", portal.messages.get("status.plan.note." + plan.name()));
        page.value("features", Arrays.stream(PlanFeature.values()).map(feature -> Map.<String, Object>of(
                "name", portal.messages.get("status.feature." + feature.name()),
                "included", plan.includes(feature),
                "word", portal.messages.get(plan.includes(feature) ? "status.feature.included"
                        : "status.feature.notIncluded"))).toList());
    }

    private Map<String, Object> lifecycle(List<LifecycleEventView> events, LifecycleKind kind, LocalDate due,
            boolean owner, String productId, String range) {
        return events.stream().filter(event -> event.kind() == kind).findFirst()
                .map(event -> lifecycle(event, owner, productId, range))
                // No title, no button: explicitly, or the page's own title would show through the section.
                .orElseGet(() -> Map.of("dueOn", StatusWords.day(due), "title", false, "canRemind", false, "tooOld", false));
    }

    private Map<String, Object> lifecycle(LifecycleEventView event, boolean owner, String productId, String range) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", event.kind().slug());
        values.put("title", event.title());
        values.put("dueOn", StatusWords.day(event.dueOn()));
        values.put("past", event.past());
        values.put("canRemind", owner && event.remindable());
        values.put("tooOld", owner && !event.remindable());
        values.put("productId", productId);
        values.put("range", range);
        return values;
    }

    private List<Map<String, Object>> measurements(DeviceStatus status) {
        List<Map<String, Object>> list = new ArrayList<>();
        status.batteryChargePercent().ifPresent(v -> list.add(measurement("status.charge", v + " %")));
        status.batteryRuntimeSeconds().ifPresent(v -> list.add(measurement("status.runtime", runtime(v))));
        status.loadPercent().ifPresent(v -> list.add(measurement("status.load", number(v) + " %")));
        status.inputVoltage().ifPresent(v -> list.add(measurement("status.inputVoltage", number(v) + " V")));
        status.outputVoltage().ifPresent(v -> list.add(measurement("status.outputVoltage", number(v) + " V")));
        status.temperatureC().ifPresent(v -> list.add(measurement("status.temperature", number(v) + " °C")));
        return list;
    }

    private Map<String, Object> measurement(String key, String value) {
        return Map.of("label", portal.messages.get(key), "value", value);
    }

    /** 45 s, 12 min, 1 h 5 min. */
    private String runtime(int seconds) {
        if (seconds < 60) {
            return portal.messages.format("status.seconds", seconds);
        }
        int minutes = seconds / 60;
        return minutes < 60 ? portal.messages.format("status.minutes", minutes)
                : portal.messages.format("status.hours", minutes / 60, minutes % 60);
    }

    /** One decimal at most: 230, 229.8. */
    private static String number(double value) {
        String text = String.format(Locale.ENGLISH, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private List<LifecycleEventView> events(DeviceLookup.Found found) {
        return portal.blocking.run(() -> portal.deviceUseCases.get().lifecycle().eventsOf(
                new DeviceCriteria(found.user(), found.device().productId().value()))).orElse(List.of());
    }

    /**
     * The reboot refused for two-factor authentication, as the seed words it: turn it on (the steps), or, when it is
     * on but this login did not pass it, log in again with a code.
     */
    private void sendTwoFactorRequired(RoutingContext ctx, DeviceLookup.Found visitor, String group) {
        TwoFactorStatus status = portal.blocking.run(
                () -> portal.useCases.twoFactor().statusOf(visitor.user().accountId()));
        if (status.enabled()) {
            // Turning two-factor on again cannot help: logging in with the code does, and comes back here.
            Page page = refusalPage(visitor.device(), 403, portal.messages.get("reboot.twoFactor.loginHeading"),
                    List.of(portal.messages.get("reboot.twoFactor.login")), List.of(), List.of(), Optional.empty());
            portal.send(ctx, page.value("logOutNext", "/devices/reboot?productId="
                    + visitor.device().productId().value() + "&outletGroup="
                    + URLEncoder.encode(group, StandardCharsets.UTF_8)));
            return;
        }
        sendRefusal(ctx, visitor.device(), 403, portal.messages.get("reboot.twoFactor.heading"),
                List.of(portal.messages.get("reboot.twoFactor.note")),
                List.of(portal.messages.get("reboot.twoFactor.step1"), portal.messages.get("reboot.twoFactor.step2"),
                        portal.messages.get("reboot.twoFactor.step3"), portal.messages.get("reboot.twoFactor.step4")),
                List.of(portal.messages.format("reboot.twoFactor.after", group)),
                Optional.of(Map.of("href", TWO_FACTOR_PAGE, "text", portal.messages.get("reboot.twoFactor.link"))));
    }

    private void sendUnknownGroup(RoutingContext ctx, RegisteredDeviceView device, String group, List<String> groups) {
        sendRefusal(ctx, device, 404, portal.messages.get("reboot.unknown.heading"), List.of(groups.isEmpty()
                ? portal.messages.get("reboot.unknown.none")
                : portal.messages.format("reboot.unknown.text", group, String.join(", ", groups))),
                List.of(), List.of(), Optional.empty());
    }

    private void sendRefusal(RoutingContext ctx, RegisteredDeviceView device, int status, String heading,
            List<String> paragraphs, List<String> steps, List<String> after, Optional<Map<String, String>> link) {
        portal.send(ctx, refusalPage(device, status, heading, paragraphs, steps, after, link));
    }

    private Page refusalPage(RegisteredDeviceView device, int status, String heading, List<String> paragraphs,
            List<String> steps, List<String> after, Optional<Map<String, String>> link) {
        Page page = lookup.withTabs(Page.of("device-reboot-refused", "reboot.refusedTitle"), device,
                        DeviceLookup.Tab.STATUS).status(status)
                .value("heading", heading)
                .value("paragraphs", paragraphs)
                .value("steps", steps)
                .value("hasSteps", !steps.isEmpty())
                .value("after", after)
                .value("statusHref", statusHref(device.productId().value(), HistoryRange.LAST_24_HOURS.code()));
        link.ifPresent(l -> page.value("link", l));
        return page;
    }

    /** Europe/Paris (CET), or UTC. */
    private static String timeZone(java.time.ZoneId zone) {
        String name = StatusWords.zoneName(zone);
        return name.equals("UTC") ? name : zone.getId() + " (" + name + ")";
    }

    private String planName(Plan plan) {
        return portal.messages.get("plan." + plan.name());
    }

    /** The UPS as "UPS {name}" reads: its name, or its model. */
    private static String deviceName(RegisteredDeviceView device) {
        return device.name().filter(name -> !name.isBlank()).orElse(device.model());
    }

    /** One of the history's ranges; anything else is the last 24 hours. */
    static String range(String asked) {
        return HistoryRange.ofCode(asked == null ? "" : asked.strip()).orElse(HistoryRange.LAST_24_HOURS).code();
    }

    private static String statusHref(String productId, String range) {
        String id = productId == null ? "" : URLEncoder.encode(productId, StandardCharsets.UTF_8);
        return "/devices/status?productId=" + id
                + (HistoryRange.LAST_24_HOURS.code().equals(range) ? "" : "&range=" + range);
    }

    private static String commandHref(String productId, String commandId) {
        return "/devices/command?productId=" + URLEncoder.encode(productId == null ? "" : productId,
                StandardCharsets.UTF_8) + "&commandId=" + URLEncoder.encode(commandId, StandardCharsets.UTF_8);
    }
}
