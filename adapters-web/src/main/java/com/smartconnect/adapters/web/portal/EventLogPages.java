package com.smartconnect.adapters.web.portal;

import com.smartconnect.adapters.web.EventLogCsv;
import com.smartconnect.application.device.port.in.DeviceEventCriteria;
import com.smartconnect.application.device.port.in.DeviceEventPage;
import com.smartconnect.application.device.port.in.RegisteredDeviceView;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.Severity;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Event Log of one UPS ({@code /devices/events?productId=...}), for its owner and their co-workers: the events it
 * reported, newest first, with their time in the UPS's time zone, the type in words, the severity and the details;
 * filters by time range (the last 24 hours, 7, 30 or 90 days, or between two dates), type and severity in a GET form
 * that keeps them; pages of {@link #PAGE_SIZE} by the use case's cursor; and Export CSV
 * ({@code /devices/events.csv}) of every event the filters match. Filters that are not valid give the page with a
 * message at the field and the values kept. Notification mails link here.
 */
final class EventLogPages {

    static final String PATH = "/devices/events";
    static final String CSV_PATH = "/devices/events.csv";
    static final int PAGE_SIZE = 25;
    /** The earlier pages a page's Newer link remembers; deeper, Newest events leads back to the first page. */
    private static final int TRAIL_MAX = 15;
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,400}");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", Locale.ENGLISH);
    /** The longest details text a row shows; the CSV has them whole. */
    private static final int MAX_DETAILS_TEXT = 300;

    /** The time ranges of the filter, by their value in the query. */
    enum Range {
        ANY("", null),
        LAST_24_HOURS("24h", Duration.ofHours(24)),
        LAST_7_DAYS("7d", Duration.ofDays(7)),
        LAST_30_DAYS("30d", Duration.ofDays(30)),
        LAST_90_DAYS("90d", Duration.ofDays(90)),
        DATES("dates", null);

        final String value;
        final Duration last;

        Range(String value, Duration last) {
            this.value = value;
            this.last = last;
        }

        static Optional<Range> of(String value) {
            return Arrays.stream(values()).filter(range -> range.value.equals(value)).findFirst();
        }
    }

    /**
     * The filters as they are applied and shown: the range (dates given with Any time mean Between the dates), the
     * dates as typed (none with a last-so-many range), the type in capitals, the severity in lower case.
     */
    record Filters(Range range, String from, String to, String type, String severity) {

        boolean any() {
            return range != Range.ANY || !type.isEmpty() || !severity.isEmpty();
        }

        /** The query of these filters for {@code productId}, as links and the login's way back carry it. */
        String query(String productId) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("productId", productId);
            values.put("range", range.value);
            values.put("from", from);
            values.put("to", to);
            values.put("type", type);
            values.put("severity", severity);
            return values.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                    .map(entry -> entry.getKey() + "=" + encode(entry.getValue())).collect(Collectors.joining("&"));
        }
    }

    /** What the use case is asked: the filters as instants and values, checked. */
    private record Criteria(Optional<Instant> from, Optional<Instant> to, Optional<String> type,
            Optional<Severity> severity) {
    }

    /** Where a page of the log is: its cursor (empty on the first page), the cursors of the pages before, its number. */
    private record Position(Optional<String> after, List<String> trail, int number) {

        String query() {
            if (after.isEmpty()) {
                return "";
            }
            return "&after=" + after.get() + (trail.isEmpty() ? "" : "&trail=" + String.join(".", trail))
                    + "&page=" + number;
        }

        Position older(String next) {
            List<String> longer = new ArrayList<>(trail);
            after.ifPresent(longer::add);
            while (longer.size() > TRAIL_MAX) {
                longer.remove(0);
            }
            return new Position(Optional.of(next), longer, number + 1);
        }

        /** The page before this one, when it is known: the first page from the second, else the trail's last. */
        Optional<Position> newer() {
            if (after.isEmpty()) {
                return Optional.empty();
            }
            if (trail.isEmpty()) {
                return number <= 2 ? Optional.of(first()) : Optional.empty();
            }
            return Optional.of(new Position(Optional.of(trail.get(trail.size() - 1)),
                    trail.subList(0, trail.size() - 1), number - 1));
        }

        static Position first() {
            return new Position(Optional.empty(), List.of(), 1);
        }
    }

    private final Portal portal;
    private final DeviceLookup lookup;

    EventLogPages(Portal portal) {
        this.portal = portal;
        this.lookup = new DeviceLookup(portal);
    }

    /** {@code GET /devices/events?productId=...[&range=&from=&to=&type=&severity=][&after=&trail=&page=]}. */
    void show(RoutingContext ctx) {
        MultiMap query = ctx.queryParams();
        String productId = value(query, "productId");
        Page page = Page.of("device-events", "events.title");
        Filters filters = filters(query, page);
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, PATH + "?" + filters.query(productId), false);
        if (found.isEmpty()) {
            return;
        }
        RegisteredDeviceView device = found.get().device();
        ZoneId zone = device.timeZone();
        lookup.withTabs(page, device, DeviceLookup.Tab.EVENTS);
        Criteria criteria = criteria(filters, zone, page);
        form(page, filters, productId, zone);
        if (device.plan().filter("BASIC"::equals).isPresent()) {
            page.notice(portal.messages.get("events.basic"));
        }
        if (page.hasErrors()) {
            portal.send(ctx, page.status(400).value("invalid", true));
            return;
        }
        Position position = position(query);
        if (position.after().isPresent() && !CURSOR.matcher(position.after().get()).matches()) {
            badPage(ctx, page, filters, productId);
            return;
        }
        Optional<DeviceEventPage> events = portal.blocking.run(() -> portal.deviceUseCases.get().devices().events(
                new DeviceEventCriteria(found.get().user(), productId, criteria.from(), criteria.to(),
                        criteria.type(), criteria.severity(), PAGE_SIZE, position.after())));
        if (events.isEmpty()) {
            // The device was visible a moment ago: the cursor is the one the use case could not read.
            if (position.after().isPresent()) {
                badPage(ctx, page, filters, productId);
            } else {
                lookup.notFound(ctx);
            }
            return;
        }
        List<DeviceEvent> list = events.get().events();
        String base = PATH + "?" + filters.query(productId);
        page.value("hasEvents", !list.isEmpty())
                .value("empty", list.isEmpty() && !filters.any() && position.after().isEmpty())
                .value("noMatch", list.isEmpty() && (filters.any() || position.after().isPresent()))
                .value("events", list.stream().map(event -> row(event, events.get().timeZone())).toList())
                .value("caption", portal.messages.format("events.caption",
                        device.name().orElse(portal.messages.format("devices.unnamed", device.model()))))
                .value("csvHref", CSV_PATH + "?" + filters.query(productId));
        int firstRow = (position.number() - 1) * PAGE_SIZE + 1;
        page.value("showing", portal.messages.format("events.showing", firstRow, firstRow + list.size() - 1,
                position.number()));
        events.get().next().ifPresent(next -> page.value("olderHref", base + position.older(next).query()));
        Optional<Position> newer = position.newer();
        newer.ifPresent(previous -> page.value("newerHref", base + previous.query()));
        if (position.after().isPresent() && (newer.isEmpty() || newer.get().after().isPresent())) {
            page.value("newestHref", base);
        }
        page.value("paged", page.values.containsKey("olderHref") || position.after().isPresent());
        portal.send(ctx, page);
    }

    /** {@code GET /devices/events.csv?productId=...[&filters]}: every event the filters match, as a file. */
    void export(RoutingContext ctx) {
        MultiMap query = ctx.queryParams();
        String productId = value(query, "productId");
        Page page = Page.of("device-events", "events.title");
        Filters filters = filters(query, page);
        String pageTarget = PATH + "?" + filters.query(productId);
        Optional<DeviceLookup.Found> found = lookup.find(ctx, productId, pageTarget, false);
        if (found.isEmpty()) {
            return;
        }
        Criteria criteria = criteria(filters, found.get().device().timeZone(), page);
        if (page.hasErrors()) {
            // The page says what is wrong with the filters, and keeps them.
            Portal.redirect(ctx, pageTarget);
            return;
        }
        Optional<String> file = EventLogCsv.write(new DeviceEventCriteria(found.get().user(), productId,
                criteria.from(), criteria.to(), criteria.type(), criteria.severity(), DeviceEventCriteria.MAX_LIMIT,
                Optional.empty()), next -> portal.blocking.run(() -> portal.deviceUseCases.get().devices().events(next)));
        if (file.isEmpty()) {
            lookup.notFound(ctx);
            return;
        }
        ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + EventLogCsv.fileName(productId) + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(file.get());
    }

    /** The filters of the query; a range that is not one of the list is a message at its field. */
    private Filters filters(MultiMap query, Page page) {
        String rangeValue = value(query, "range");
        Optional<Range> range = Range.of(rangeValue);
        if (range.isEmpty()) {
            page.error("range", portal.messages.get("events.error.range"));
        }
        String from = value(query, "from");
        String to = value(query, "to");
        Range applied = range.orElse(Range.ANY);
        if (applied.last != null) {
            // A last-so-many range leaves no dates: the form shows what is applied.
            from = "";
            to = "";
        } else if (!from.isEmpty() || !to.isEmpty()) {
            applied = Range.DATES;
        }
        return new Filters(applied, from, to, value(query, "type").toUpperCase(Locale.ROOT),
                value(query, "severity").toLowerCase(Locale.ROOT));
    }

    /** The filters as the use case takes them; each value that is not valid is a message at its field. */
    private Criteria criteria(Filters filters, ZoneId zone, Page page) {
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        if (filters.range().last != null) {
            from = Optional.of(portal.clock.instant().minus(filters.range().last));
        } else {
            Optional<LocalDate> fromDay = date(filters.from(), "from", page);
            Optional<LocalDate> toDay = date(filters.to(), "to", page);
            if (fromDay.isPresent() && toDay.isPresent() && fromDay.get().isAfter(toDay.get())) {
                page.error("from", portal.messages.get("events.error.order"));
            }
            from = fromDay.map(day -> day.atStartOfDay(zone).toInstant());
            // The To day is included: the range ends when the next day starts.
            to = toDay.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
        }
        Optional<String> type = Optional.of(filters.type()).filter(value -> !value.isEmpty());
        if (type.isPresent() && !TYPE.matcher(type.get()).matches()) {
            page.error("type", portal.messages.get("events.error.type"));
        }
        Optional<Severity> severity = Optional.empty();
        if (!filters.severity().isEmpty()) {
            severity = Arrays.stream(Severity.values())
                    .filter(value -> value.name().toLowerCase(Locale.ROOT).equals(filters.severity())).findFirst();
            if (severity.isEmpty()) {
                page.error("severity", portal.messages.get("events.error.severity"));
            }
        }
        return new Criteria(from, to, type, severity);
    }

    private Optional<LocalDate> date(String text, String field, Page page) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() >= 2000 && day.getYear() <= 2999) {
                return Optional.of(day);
            }
        } catch (DateTimeParseException notADate) {
            // Said at the field below.
        }
        page.error(field, portal.messages.get("events.error.date"));
        return Optional.empty();
    }

    /** The form's fields and choices, as the filters are (values that are not valid kept as they came). */
    private void form(Page page, Filters filters, String productId, ZoneId zone) {
        page.field("range", filters.range().value).field("from", filters.from()).field("to", filters.to())
                .field("type", filters.type()).field("severity", filters.severity())
                .value("filtered", filters.any())
                .value("clearHref", PATH + "?productId=" + productId)
                .value("zone", portal.messages.format("events.zone", zoneName(zone)))
                .value("ranges", Arrays.stream(Range.values()).map(range -> option(range.value,
                        portal.messages.get("events.range." + (range.value.isEmpty() ? "any" : range.value)),
                        !page.errors.containsKey("range") && range == filters.range())).toList());
        List<Map<String, Object>> types = new ArrayList<>();
        types.add(option("", portal.messages.get("events.type.all"), filters.type().isEmpty()));
        List<String> known = Arrays.stream(DeviceEventType.values()).map(Enum::name).toList();
        java.util.stream.Stream.concat(known.stream(),
                        Optional.of(filters.type()).filter(type -> !type.isEmpty() && !known.contains(type)).stream())
                .sorted(Comparator.comparing(EventLogPages::words))
                .forEach(type -> types.add(option(type, words(type), type.equals(filters.type()))));
        page.value("types", types);
        List<Map<String, Object>> severities = new ArrayList<>();
        severities.add(option("", portal.messages.get("events.severity.all"), filters.severity().isEmpty()));
        for (Severity severity : Severity.values()) {
            String value = severity.name().toLowerCase(Locale.ROOT);
            severities.add(option(value, portal.messages.get("events.severity." + value),
                    value.equals(filters.severity())));
        }
        page.value("severities", severities);
    }

    private void badPage(RoutingContext ctx, Page page, Filters filters, String productId) {
        portal.send(ctx, page.status(400).alert(portal.messages.get("events.badPage"))
                .value("firstHref", PATH + "?" + filters.query(productId)));
    }

    private Map<String, Object> row(DeviceEvent event, ZoneId zone) {
        String severity = event.severity().name().toLowerCase(Locale.ROOT);
        String details = details(event.detailsJson());
        return Map.of(
                "time", TIME.format(event.occurredAt().atZone(zone)),
                "datetime", event.occurredAt().toString(),
                "type", words(event.type()),
                "typeCode", event.type(),
                "severity", portal.messages.get("events.severity." + severity),
                "severityValue", severity,
                "details", details.isEmpty() ? portal.messages.get("events.noDetails") : details,
                "noDetails", details.isEmpty());
    }

    /** An event's details in words: each value with its name (and unit, for the protocol's measurements). */
    private String details(String json) {
        JsonObject details;
        try {
            details = new JsonObject(json);
        } catch (DecodeException | ClassCastException notAnObject) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String key : details.fieldNames()) {
            Object value = details.getValue(key);
            String text = value instanceof Number number ? number(number) : String.valueOf(value);
            parts.add(portal.messages.find("events.detail." + key)
                    .map(pattern -> new java.text.MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {text}))
                    .orElseGet(() -> words(key) + ": " + text));
        }
        String all = String.join(" · ", parts);
        return all.length() > MAX_DETAILS_TEXT ? all.substring(0, MAX_DETAILS_TEXT - 1) + "…" : all;
    }

    private static String number(Number number) {
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notDecimal) {
            return number.toString();
        }
    }

    /**
     * A type or a detail's name in words, as the notification mails name events: {@code ON_BATTERY} is "On battery",
     * {@code batteryChargePercent} is "Battery charge percent".
     */
    static String words(String name) {
        String spaced = name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))
                ? name.replace('_', ' ') : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        String lower = spaced.strip().toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? name : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected);
    }

    private static Position position(MultiMap query) {
        Optional<String> after = Optional.of(value(query, "after")).filter(value -> !value.isEmpty());
        if (after.isEmpty()) {
            return Position.first();
        }
        List<String> trail = Arrays.stream(value(query, "trail").split("\\.")).filter(part -> !part.isEmpty())
                .toList();
        if (trail.size() > TRAIL_MAX || !trail.stream().allMatch(part -> CURSOR.matcher(part).matches())) {
            trail = List.of();
        }
        int number;
        try {
            number = Integer.parseInt(value(query, "page"));
        } catch (NumberFormatException notANumber) {
            number = trail.size() + 2;
        }
        return new Position(after, trail, Math.max(2, Math.min(number, 1_000_000)));
    }

    private static String value(MultiMap query, String name) {
        String value = query.get(name);
        return value == null ? "" : value.strip();
    }

    /** A query value, encoded so that the login's way back keeps it ({@code %20}, not {@code +}). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The time zone as people read it: its name and short name, such as Europe/Paris (CET), or UTC. */
    private static String zoneName(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone.getId() + " (" + zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
    }
}
