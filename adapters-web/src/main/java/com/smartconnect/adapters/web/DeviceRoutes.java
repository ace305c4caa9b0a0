package com.smartconnect.adapters.web;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceChangeResult;
import com.smartconnect.application.device.port.in.DeviceCommandCriteria;
import com.smartconnect.application.device.port.in.DeviceCommandResult;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.application.device.port.in.RebootOutletGroupCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityCommand;
import com.smartconnect.application.device.port.in.StatusHistoryCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryView;
import com.smartconnect.application.device.port.in.UnregisterDeviceCommand;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileCommand;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.device.StatusBucket;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The device pages (behind {@link SessionAuthentication}): registering a UPS by its label's codes, QR URL or photo,
 * the UPS profile and sensitivity, the status page and the list, the event log (JSON pages or CSV), commands and the
 * remote outlet reboot. A device the user neither owns nor sees as a co-worker is answered {@code DEVICE_NOT_FOUND},
 * whatever the request, so nobody learns whether another account registered it.
 */
final class DeviceRoutes {

    static final int DEFAULT_PAGE = 50;
    static final String NEVER_CONNECTED = "Please allow 4-5 minutes after you connect your SmartConnect-compatible UPS "
            + "before attempting to register your device.";
    static final String SMARTCONNECT_NOT_ENABLED = "SmartConnect is not enabled on this UPS. Please enable it: on the "
            + "UPS display, open the Configuration menu, select SmartConnect and turn it on (or use the UPS's network "
            + "management card), make sure the UPS is connected to the internet, wait 4-5 minutes, then register it again.";
    static final String REGISTERED_TO_ANOTHER_ACCOUNT = "The UPS device you are adding cannot be associated with "
            + "another account: it is already registered to another account. See Adding your Device Issues for more "
            + "information.";
    static final String TWO_FACTOR_REQUIRED = "Two-factor authentication must be enabled in the web portal to remotely "
            + "reboot your UPS device's outlet groups. Turn it on under My Account > View Profile > Two-Factor "
            + "Authentication, then log in again with it.";

    /** How long an account whose photos are all being read is told to wait: about one photo's reading. */
    static final long DECODES_BUSY_RETRY_SECONDS = 5;

    private final Optional<HttpApi.DeviceUseCases> useCases;
    private final Blocking blocking;
    private final LabelPhotoDecoder decoder;

    DeviceRoutes(Optional<HttpApi.DeviceUseCases> useCases, Blocking blocking, LabelPhotoDecoder decoder) {
        this.useCases = useCases;
        this.blocking = blocking;
        this.decoder = decoder;
    }

    private Optional<HttpApi.DeviceUseCases> available(RoutingContext ctx) {
        if (useCases.isEmpty()) {
            Problem.notFound().sendTo(ctx);
        }
        return useCases;
    }

    void register(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String qrUrl = body.getValue("qrUrl") instanceof String s ? s : null;
        RegisterDeviceCommand.Label label = qrUrl != null && !body.containsKey("productId")
                ? new RegisterDeviceCommand.QrUrl(qrUrl)
                : new RegisterDeviceCommand.Codes(text(body, "productId"), text(body, "productKey"));
        register(ctx, label);
    }

    void registerByLabelPhoto(RoutingContext ctx) {
        byte[] photo = LabelPhotoUpload.photo(ctx);
        if (!LabelPhoto.isPngOrJpeg(photo)) {
            new Problem(ProblemCode.UNSUPPORTED_PHOTO_TYPE,
                    "Please send a photo of the UPS label as a PNG or JPEG image.").sendTo(ctx);
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        Optional<Optional<String>> decoded = decoder.qrText(user.accountId(), photo);
        if (decoded.isEmpty()) {
            ctx.response().putHeader("Retry-After", Long.toString(DECODES_BUSY_RETRY_SECONDS));
            new Problem(ProblemCode.LABEL_PHOTO_DECODES_BUSY, "Your previous photos are still "
                    + "being read. Please wait for them before sending another one.",
                    Map.of("retryAfterSeconds", DECODES_BUSY_RETRY_SECONDS)).sendTo(ctx);
            return;
        }
        Optional<String> text = decoded.get();
        if (text.isEmpty()) {
            new Problem(ProblemCode.LABEL_PHOTO_UNREADABLE, "No QR code could be read from this "
                    + "photo. Please take a sharp photo of the whole QR code on the UPS label, or enter the Product ID "
                    + "and Product Key printed on it.").sendTo(ctx);
            return;
        }
        register(ctx, new RegisterDeviceCommand.QrUrl(text.get()));
    }

    private void register(RoutingContext ctx, RegisterDeviceCommand.Label label) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        RegisterDeviceResult result = blocking.run(() -> useCases.get().register()
                .register(new RegisterDeviceCommand(user, label)));
        switch (result) {
            case RegisterDeviceResult.Registered registered -> RegistrationRoutes.json(ctx, 201, new JsonObject()
                    .put("device", toJson(registered.device()))
                    .put("offerReseller", registered.offerReseller()));
            case RegisterDeviceResult.Invalid invalid -> invalid(invalid.errors()).sendTo(ctx);
            case RegisterDeviceResult.NotRecognised ignored -> new Problem(ProblemCode.DEVICE_NOT_RECOGNISED,
                    "The Product ID and Product Key do not match a SmartConnect UPS. Please check both codes on the "
                            + "UPS label and enter them again.").sendTo(ctx);
            case RegisterDeviceResult.Throttled throttled -> {
                long seconds = RegistrationRoutes.roundedUpSeconds(throttled.retryAfter());
                ctx.response().putHeader("Retry-After", Long.toString(seconds));
                new Problem(ProblemCode.DEVICE_REGISTRATION_THROTTLED, "Too many Product IDs and "
                        + "Product Keys did not match a UPS. Please check the UPS label and try again later.",
                        Map.of("retryAfterSeconds", seconds)).sendTo(ctx);
            }
            case RegisterDeviceResult.NeverConnected ignored ->
                    new Problem(ProblemCode.DEVICE_NEVER_CONNECTED, NEVER_CONNECTED).sendTo(ctx);
            case RegisterDeviceResult.SmartConnectNotEnabled ignored ->
                    new Problem(ProblemCode.SMARTCONNECT_NOT_ENABLED, SMARTCONNECT_NOT_ENABLED).sendTo(ctx);
            case RegisterDeviceResult.RegisteredToAnotherAccount ignored ->
                    new Problem(ProblemCode.DEVICE_REGISTERED_TO_ANOTHER_ACCOUNT, REGISTERED_TO_ANOTHER_ACCOUNT).sendTo(ctx);
        }
    }

    void list(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        List<RegisteredDeviceView> devices = blocking.run(() -> useCases.get().devices().devices(user));
        JsonArray list = new JsonArray();
        devices.forEach(d -> list.add(toJson(d)));
        RegistrationRoutes.json(ctx, 200, new JsonObject().put("devices", list));
    }

    void get(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        DeviceCriteria criteria = new DeviceCriteria(user, ValidatedParameters.path(ctx, "productId"));
        blocking.run(() -> useCases.get().devices().device(criteria)).ifPresentOrElse(
                device -> RegistrationRoutes.json(ctx, 200, toJson(device)),
                () -> deviceNotFound().sendTo(ctx));
    }

    void update(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        JsonObject body = ctx.body().asJsonObject();
        UpdateDeviceProfileCommand command = new UpdateDeviceProfileCommand(user, ValidatedParameters.path(ctx, "productId"),
                Optional.ofNullable(body.getValue("name") instanceof String s ? s : null),
                Optional.ofNullable(body.getValue("description") instanceof String s ? s : null),
                Optional.ofNullable(body.getValue("timeZone") instanceof String s ? s : null),
                Optional.ofNullable(body.getValue("notifications") instanceof Boolean b ? b : null));
        DeviceChangeResult result = blocking.run(() -> useCases.get().updateProfile().updateProfile(command));
        switch (result) {
            case DeviceChangeResult.Changed changed -> RegistrationRoutes.json(ctx, 200, toJson(changed.device()));
            case DeviceChangeResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case DeviceChangeResult.NotFound ignored -> deviceNotFound().sendTo(ctx);
            case DeviceChangeResult.NotOwner ignored -> notOwner().sendTo(ctx);
        }
    }

    void unregister(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        DeviceChangeResult result = blocking.run(() -> useCases.get().unregister()
                .unregister(new UnregisterDeviceCommand(user, ValidatedParameters.path(ctx, "productId"))));
        switch (result) {
            case DeviceChangeResult.Changed ignored -> ctx.response().setStatusCode(204).end();
            case DeviceChangeResult.Invalid invalid -> Problem.validationFailed(invalid.errors()).sendTo(ctx);
            case DeviceChangeResult.NotFound ignored -> deviceNotFound().sendTo(ctx);
            case DeviceChangeResult.NotOwner ignored -> notOwner().sendTo(ctx);
        }
    }

    void setSensitivity(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String sensitivity = text(ctx.body().asJsonObject(), "sensitivity");
        DeviceCommandResult result = blocking.run(() -> useCases.get().setSensitivity()
                .setSensitivity(new SetDeviceSensitivityCommand(user, ValidatedParameters.path(ctx, "productId"), sensitivity)));
        sendCommandResult(ctx, result);
    }

    void reboot(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String productId = ValidatedParameters.path(ctx, "productId");
        // A group the contract refused is one the device does not have: no group is named by the empty name, so the
        // use case answers it after the device's own refusals (unknown, not the owner's, two-factor, plan).
        String outletGroup = ValidatedParameters.pathBelow(ctx, "outletGroup").orElse("");
        DeviceCommandResult result = blocking.run(() -> useCases.get().rebootOutletGroup()
                .reboot(new RebootOutletGroupCommand(user, productId, outletGroup)));
        sendCommandResult(ctx, result);
    }

    private static void sendCommandResult(RoutingContext ctx, DeviceCommandResult result) {
        switch (result) {
            case DeviceCommandResult.Issued issued -> RegistrationRoutes.json(ctx, 202, toJson(issued.command()));
            case DeviceCommandResult.Invalid invalid -> invalid(invalid.errors()).sendTo(ctx);
            case DeviceCommandResult.NotFound ignored -> deviceNotFound().sendTo(ctx);
            case DeviceCommandResult.NotOwner ignored -> notOwner().sendTo(ctx);
            case DeviceCommandResult.TwoFactorRequired ignored ->
                    new Problem(ProblemCode.TWO_FACTOR_REQUIRED, TWO_FACTOR_REQUIRED).sendTo(ctx);
            case DeviceCommandResult.PlanDoesNotInclude excluded -> new Problem(ProblemCode.PLAN_DOES_NOT_INCLUDE_REBOOT,
                    "Remote reboot of outlet groups is part of the Advanced plan; this device is on "
                            + planName(excluded.plan()) + ". Buy a SmartConnect Advanced subscription via Schneider "
                            + "Exchange or a local reseller to use it.",
                    Map.of("plan", excluded.plan().name())).sendTo(ctx);
            case DeviceCommandResult.UnknownOutletGroup unknown -> new Problem(ProblemCode.UNKNOWN_OUTLET_GROUP,
                    "This UPS has no such outlet group. Please choose one of its outlet groups: "
                            + String.join(", ", unknown.outletGroups()) + ".",
                    Map.of("outletGroups", new JsonArray(unknown.outletGroups()))).sendTo(ctx);
        }
    }

    void command(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String productId = ValidatedParameters.path(ctx, "productId");
        // A command id the contract refused names no command: the answer is the device's, or COMMAND_NOT_FOUND.
        Optional<String> commandId = ValidatedParameters.pathBelow(ctx, "commandId");
        Optional<DeviceCommand> command = commandId.flatMap(id -> blocking.run(() -> useCases.get().devices()
                .command(new DeviceCommandCriteria(user, productId, id))));
        if (command.isPresent()) {
            RegistrationRoutes.json(ctx, 200, toJson(command.get()));
        } else if (blocking.run(() -> useCases.get().devices().device(new DeviceCriteria(user, productId)))
                .isEmpty()) {
            deviceNotFound().sendTo(ctx);
        } else {
            new Problem(ProblemCode.COMMAND_NOT_FOUND, "This UPS has no command with this id.").sendTo(ctx);
        }
    }

    void history(RoutingContext ctx) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String productId = ValidatedParameters.path(ctx, "productId");
        // One of the contract's enum, or its default.
        HistoryRange range = ValidatedParameters.query(ctx, "range").flatMap(value -> HistoryRange.ofCode(value.getString()))
                .orElse(HistoryRange.LAST_24_HOURS);
        Optional<StatusHistoryView> history = blocking.run(() -> useCases.get().history().history(
                new StatusHistoryCriteria(new DeviceCriteria(user, productId), range)));
        if (history.isEmpty()) {
            deviceNotFound().sendTo(ctx);
            return;
        }
        StatusHistoryView view = history.get();
        JsonArray buckets = new JsonArray();
        for (StatusBucket bucket : view.buckets()) {
            JsonObject json = new JsonObject().put("start", bucket.start().toString());
            values(json, "batteryChargePercent", bucket.batteryChargePercent());
            values(json, "batteryRuntimeSeconds", bucket.batteryRuntimeSeconds());
            values(json, "loadPercent", bucket.loadPercent());
            values(json, "inputVoltage", bucket.inputVoltage());
            buckets.add(json);
        }
        JsonArray onBattery = new JsonArray();
        for (OnBatteryPeriod period : view.onBattery()) {
            JsonObject json = new JsonObject().put("from", period.from().toString());
            period.to().ifPresent(to -> json.put("to", to.toString()));
            onBattery.add(json);
        }
        RegistrationRoutes.json(ctx, 200, new JsonObject()
                .put("productId", view.productId().value())
                .put("range", view.range().code())
                .put("bucketMinutes", view.range().bucketSize().length().toMinutes())
                .put("from", view.from().toString())
                .put("to", view.to().toString())
                .put("timeZone", view.timeZone().getId())
                .put("buckets", buckets)
                .put("onBattery", onBattery));
    }

    /** Rounded to what a chart shows; the sums are single precision in the database. */
    private static void values(JsonObject json, String name, MetricSummary summary) {
        if (summary.isEmpty()) {
            return;
        }
        json.put(name, new JsonObject()
                .put("min", round(summary.min()))
                .put("mean", round(summary.mean()))
                .put("max", round(summary.max()))
                .put("count", summary.count()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    void events(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean csv = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")
                && !accept.toLowerCase(Locale.ROOT).contains("application/json");
        events(ctx, csv);
    }

    void exportEvents(RoutingContext ctx) {
        events(ctx, true);
    }

    private void events(RoutingContext ctx, boolean csv) {
        if (available(ctx).isEmpty()) {
            return;
        }
        AuthenticatedUser user = SessionAuthentication.user(ctx);
        String productId = ValidatedParameters.path(ctx, "productId");
        // Typed and checked by the contract: a time with its offset, a severity of the enum, a limit of 1 to 1000.
        Optional<Instant> from = instant(ctx, "from");
        Optional<Instant> to = instant(ctx, "to");
        Optional<Severity> severity = ValidatedParameters.query(ctx, "severity")
                .map(value -> Severity.valueOf(value.getString().toUpperCase(Locale.ROOT)));
        int limit = ValidatedParameters.query(ctx, "limit").map(value -> value.getInteger()).orElse(DEFAULT_PAGE);
        Optional<String> type = ValidatedParameters.query(ctx, "type").map(t -> t.getString().strip()
                .toUpperCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        Optional<String> after = csv ? Optional.empty()
                : ValidatedParameters.query(ctx, "after").map(value -> value.getString());
        DeviceEventCriteria query = new DeviceEventCriteria(user, productId, from, to, type, severity,
                csv ? DeviceEventCriteria.MAX_LIMIT : limit, after);
        if (csv) {
            // Every page in one file; the export has no cursor, so only an invisible device gives no file.
            Optional<String> file = EventLogCsv.write(query,
                    next -> blocking.run(() -> useCases.get().devices().events(next)));
            if (file.isEmpty()) {
                deviceNotFound().sendTo(ctx);
                return;
            }
            ctx.response().setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + EventLogCsv.fileName(productId) + "\"")
                    .end(file.get());
            return;
        }
        Optional<DeviceEventPage> page = blocking.run(() -> useCases.get().devices().events(query));
        if (page.isEmpty()) {
            if (after.isPresent()
                    && blocking.run(() -> useCases.get().devices().device(new DeviceCriteria(user, productId)))
                            .isPresent()) {
                new Problem(ProblemCode.INVALID_CURSOR,
                        "This page of the event log does not exist. Please start again from the first page.")
                        .sendTo(ctx);
            } else {
                deviceNotFound().sendTo(ctx);
            }
            return;
        }
        JsonArray events = new JsonArray();
        page.get().events().forEach(e -> events.add(toJson(e, page.get().timeZone())));
        JsonObject json = new JsonObject().put("events", events).put("timeZone", page.get().timeZone().getId());
        page.get().next().ifPresent(next -> json.put("next", next));
        RegistrationRoutes.json(ctx, 200, json);
    }

    private static Optional<Instant> instant(RoutingContext ctx, String name) {
        return ValidatedParameters.query(ctx, name)
                .map(value -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.getString(), Instant::from));
    }

    private static Problem invalid(List<FieldError> errors) {
        // One invalid field is answered with its own code, when the catalogue has it; otherwise as field errors.
        Optional<ProblemCode> single = errors.size() == 1
                ? ProblemCode.find(errors.get(0).code()).filter(code -> code.statuses().contains(400))
                : Optional.empty();
        if (single.isPresent()) {
            FieldError error = errors.get(0);
            JsonArray list = new JsonArray().add(new JsonObject().put("field", error.field()).put("code", error.code())
                    .put("message", error.message()));
            return new Problem(single.get(), error.message(), Map.of("errors", list));
        }
        return Problem.validationFailed(errors);
    }

    static Problem deviceNotFound() {
        return new Problem(ProblemCode.DEVICE_NOT_FOUND, "There is no UPS with this Product ID in your "
                + "account or your company's.");
    }

    private static Problem notOwner() {
        return new Problem(ProblemCode.NOT_DEVICE_OWNER, "Only the co-worker who registered this UPS can "
                + "change it or send it commands. You can see its status and events.");
    }

    private static String text(JsonObject body, String field) {
        return body.getValue(field) instanceof String s ? s : "";
    }

    static JsonObject toJson(RegisteredDeviceView d) {
        JsonObject json = new JsonObject()
                .put("productId", d.productId().value())
                .put("access", d.access() == DeviceAccess.OWNER ? "owner" : "coworker")
                .put("model", d.model())
                .put("serialNumber", d.serialNumber());
        d.firmware().ifPresent(f -> json.put("firmware", f));
        json.put("smartConnectEnabled", d.smartConnectEnabled()).put("online", d.online());
        d.lastSeenAt().ifPresent(at -> json.put("lastSeenAt", at.toString()));
        d.latestStatus().ifPresent(s -> json.put("status", toJson(s)));
        json.put("outletGroups", new JsonArray(d.outletGroups()))
                .put("batterySku", d.batterySku())
                .put("batteryReplaceBy", d.batteryReplaceBy().toString())
                .put("warrantyEndsOn", d.warrantyEndsOn().toString())
                // The plan in force now; null only for a device that never had one.
                .put("plan", d.plan().orElse(null));
        d.name().ifPresent(n -> json.put("name", n));
        d.description().ifPresent(n -> json.put("description", n));
        return json.put("timeZone", d.timeZone().getId())
                .put("notifications", d.notifications())
                .put("sensitivity", d.sensitivity().name())
                .put("registeredAt", d.registeredAt().toString());
    }

    private static JsonObject toJson(DeviceStatus s) {
        JsonObject json = new JsonObject().put("flags", new JsonArray(s.flags())).put("sentAt", s.sentAt().toString());
        s.seq().ifPresent(v -> json.put("seq", v));
        s.batteryChargePercent().ifPresent(v -> json.put("batteryChargePercent", v));
        s.batteryRuntimeSeconds().ifPresent(v -> json.put("batteryRuntimeSeconds", v));
        s.loadPercent().ifPresent(v -> json.put("loadPercent", v));
        s.inputVoltage().ifPresent(v -> json.put("inputVoltage", v));
        s.outputVoltage().ifPresent(v -> json.put("outputVoltage", v));
        s.temperatureC().ifPresent(v -> json.put("temperatureC", v));
        return json;
    }

    private static JsonObject toJson(DeviceEvent e, ZoneId zone) {
        Object details;
        try {
            details = new JsonObject(e.detailsJson());
        } catch (DecodeException | ClassCastException notAnObject) {
            details = new JsonObject();
        }
        return new JsonObject()
                .put("eventId", e.eventId())
                .put("type", e.type())
                .put("severity", e.severity().name().toLowerCase(Locale.ROOT))
                .put("occurredAt", e.occurredAt().toString())
                .put("occurredAtLocal", EventLogCsv.local(e.occurredAt(), zone))
                .put("receivedAt", e.receivedAt().toString())
                .put("details", details);
    }

    static JsonObject toJson(DeviceCommand c) {
        JsonObject json = new JsonObject()
                .put("commandId", c.commandId())
                .put("productId", c.productId().value())
                .put("type", c.type().name())
                .put(c.type() == DeviceCommandType.SET_SENSITIVITY ? "sensitivity" : "outletGroup", c.argument())
                .put("state", c.state().name().toLowerCase(Locale.ROOT))
                .put("issuedAt", c.issuedAt().toString())
                .put("expiresAt", c.expiresAt().toString());
        c.deliveredAt().ifPresent(at -> json.put("deliveredAt", at.toString()));
        c.settledAt().ifPresent(at -> json.put("settledAt", at.toString()));
        c.message().ifPresent(m -> json.put("message", m));
        return json;
    }

    private static String planName(com.smartconnect.domain.plan.Plan plan) {
        return switch (plan) {
            case FREE_PERIOD -> "its free monitoring period";
            case BASIC -> "Basic Monitoring";
            case STANDARD -> "the Standard plan";
            case ADVANCED -> "the Advanced plan";
        };
    }
}
