package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryView;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.StatusBucket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The history charts of the UPS Status page (the {@code device-history} partial): battery charge, load, runtime and
 * input voltage over the range the page shows (the last 24 hours, 7, 30 or 90 days, chosen by links, so no script is
 * needed to switch), with the times the UPS ran on battery (its {@code ON_BATTERY} to {@code POWER_RESTORED} events)
 * shaded, every time in the UPS's own time zone. It reads the same inbound port as the JSON API's
 * {@code GET /api/v1/devices/{productId}/history}.
 *
 * <p>The page carries its data three ways. Without a script: a summary in words (lowest, mean and highest of each
 * measurement over the range; how often and how long the UPS ran on battery, and when) and a table of the numbers,
 * collapsed under "Show as a table". For the charts: the same buckets as a JSON data island
 * ({@code <script type="application/json" id="history-data">}), which a browser never executes, so the page's
 * Content-Security-Policy ({@code script-src 'self'}, no inline script) allows it; {@code history.js} draws it with
 * uPlot. The island rather than a fetch of the JSON API: the page has read the history anyway for its summary and
 * table, so the charts need no second request (nor its failure state), appear with the page, and show exactly the
 * numbers the table shows. The chart's series are columns ({@code x} and, per measurement, lowest, mean, highest), with
 * a {@code null} point where buckets are missing so the line breaks instead of bridging a time the UPS said nothing.
 *
 * <p>The table lists the range at the chart's resolution for 24 hours (at most 288 five-minute rows) and 7 days (at
 * most 168 hourly rows), newest first. For 30 and 90 days it sums the hours up per day of the UPS's time zone (at most
 * 31 or 91 rows): 720 or 2,160 hourly rows are more than anyone reads, and a day's lowest, mean and highest is what
 * one compares across a month. The means are the buckets' sums over their counts, so a day's mean weighs each status
 * alike.
 */
final class HistoryCharts {

    /** The range a page shows when it names none, or one that is not a range: the API's default. */
    static final HistoryRange DEFAULT_RANGE = HistoryRange.LAST_24_HOURS;
    /** The id of the data island {@code history.js} reads. */
    static final String DATA_ID = "history-data";

    private static final DateTimeFormatter ROW_TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ROW_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ISO_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx",
            Locale.ROOT);

    /** A measurement of the charts: its key in the data island and the messages, and how its value is read. */
    enum Metric {
        CHARGE("charge", StatusBucket::batteryChargePercent, 1, true),
        LOAD("load", StatusBucket::loadPercent, 1, true),
        // Seconds in the history; minutes on the page, as a person reads a runtime.
        RUNTIME("runtime", StatusBucket::batteryRuntimeSeconds, 60, false),
        VOLTAGE("voltage", StatusBucket::inputVoltage, 1, false);

        final String key;
        final Function<StatusBucket, MetricSummary> read;
        final double divisor;
        /** A percentage: its chart's scale is 0 to 100. */
        final boolean percent;

        Metric(String key, Function<StatusBucket, MetricSummary> read, double divisor, boolean percent) {
            this.key = key;
            this.read = read;
            this.divisor = divisor;
            this.percent = percent;
        }
    }

    private final Portal portal;

    HistoryCharts(Portal portal) {
        this.portal = portal;
    }

    /**
     * Puts the values of the {@code device-history} partial on {@code page}: the device's history over {@code range}
     * ({@code 24h}, {@code 7d}, {@code 30d} or {@code 90d}; anything else is 24 hours). {@code history} holds the
     * partial's values; {@code historyCharts} tells the layout to load the chart scripts, only when there is a chart.
     */
    Page put(Page page, DeviceLookup.Found found, String range) {
        HistoryRange chosen = range(range);
        String productId = found.device().productId().value();
        // Empty only when the UPS went away since the page looked it up: as a UPS without history.
        Optional<StatusHistoryView> view = portal.deviceUseCases.flatMap(useCases -> portal.blocking.run(() -> useCases
                .history().history(new StatusHistoryCriteria(new DeviceCriteria(found.user(), productId), chosen))));
        Map<String, Object> values = values(productId, chosen, view, portal.clock.instant());
        return page.value("history", values).value("historyCharts", !(Boolean) values.get("empty"));
    }

    /** The range of a page's {@code range} parameter; {@link #DEFAULT_RANGE} when it names none. */
    static HistoryRange range(String code) {
        return code == null ? DEFAULT_RANGE : HistoryRange.ofCode(code.strip()).orElse(DEFAULT_RANGE);
    }

    /** The partial's values for the history {@code view} of the UPS {@code productId} at {@code now}. */
    Map<String, Object> values(String productId, HistoryRange range, Optional<StatusHistoryView> view, Instant now) {
        Messages messages = portal.messages;
        String over = messages.get("history.over." + range.code());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ranges", Arrays.stream(HistoryRange.values()).map(r -> Map.<String, Object>of(
                "href", "/devices/status?productId=" + productId + "&range=" + r.code() + "#history",
                "label", messages.get("history.range." + r.code()),
                "current", r == range)).toList());
        values.put("intro", messages.format("history.intro", over));
        boolean empty = view.isEmpty() || view.get().buckets().isEmpty();
        values.put("empty", empty);
        if (empty) {
            return values;
        }
        StatusHistoryView history = view.get();
        ZoneId zone = history.timeZone();
        values.put("zone", messages.format("history.zone", zoneName(zone, now)));
        // The history of this owner begins with their registration: a range longer than that says where it begins.
        boolean recent = history.from().isAfter(range.bucketSize().startOf(now.minus(range.span())));
        values.put("since", recent ? messages.format("history.since", MOMENT.format(history.from().atZone(zone))) : "");
        values.put("dataId", DATA_ID);
        List<Map<String, Object>> summary = new ArrayList<>();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            MetricSummary all = history.buckets().stream().map(metric.read).reduce(MetricSummary.NONE, MetricSummary::plus);
            String name = messages.get("history.metric." + metric.key);
            String text = all.isEmpty() ? messages.get("history.notReported") : messages.format("history.values",
                    withUnit(metric, all.min()), withUnit(metric, all.mean()), withUnit(metric, all.max()));
            summary.add(Map.of("label", name, "text", text));
            charts.add(Map.of("id", "history-chart-" + metric.key, "key", metric.key,
                    "title", messages.get("history.column." + metric.key), "reported", !all.isEmpty(),
                    "description", messages.format("history.chart.description", name, over, text),
                    "notReported", messages.format("history.chart.notReported", name, over)));
        }
        values.put("summary", summary);
        values.put("charts", charts);
        values.put("onBattery", onBattery(history, now));
        values.put("json", json(history, now));
        values.put("table", table(history, over));
        return values;
    }

    /** The summary of the times on battery: how often, how long in all, and each of them. */
    private Map<String, Object> onBattery(StatusHistoryView history, Instant now) {
        Messages messages = portal.messages;
        ZoneId zone = history.timeZone();
        List<String> periods = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (OnBatteryPeriod period : history.onBattery()) {
            ZonedDateTime from = period.from().atZone(zone);
            if (period.to().isEmpty()) {
                periods.add(messages.format("history.period.ongoing", MOMENT.format(from)));
                total = total.plus(Duration.between(period.from(), now.isAfter(period.from()) ? now : period.from()));
                continue;
            }
            ZonedDateTime to = period.to().get().atZone(zone);
            Duration length = Duration.between(period.from(), period.to().get());
            total = total.plus(length);
            periods.add(messages.format("history.period", MOMENT.format(from),
                    (to.toLocalDate().equals(from.toLocalDate()) ? CLOCK : MOMENT).format(to), duration(length)));
        }
        String text = periods.isEmpty() ? messages.get("history.onBattery.none")
                : messages.format("history.onBattery.count", periods.size(), duration(total));
        return Map.of("text", text, "periods", periods, "hasPeriods", !periods.isEmpty());
    }

    /** A length of time as the page words it: minutes, hours and minutes, or days and hours. */
    String duration(Duration length) {
        long minutes = Math.max(1, (length.toSeconds() + 30) / 60);
        if (minutes < 60) {
            return portal.messages.format("history.duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return minutes % 60 == 0 ? portal.messages.format("history.duration.wholeHours", minutes / 60)
                    : portal.messages.format("history.duration.hours", minutes / 60, minutes % 60);
        }
        long hours = (minutes + 30) / 60;
        return hours % 24 == 0 ? portal.messages.format("history.duration.wholeDays", hours / 24)
                : portal.messages.format("history.duration.days", hours / 24, hours % 24);
    }

    /**
     * The data island of {@code history.js}: the range ({@code from}, {@code to}, bucket {@code step}, in epoch
     * seconds), the time zone as a browser's {@code Intl} names it, the columns of the charts, the periods on battery
     * ({@code [from, to]}, an ongoing one to {@code now}) and the charts' texts. Safe inside a {@code <script>}
     * element: no {@code <}, {@code >} or {@code &} is left as such.
     */
    String json(StatusHistoryView history, Instant now) {
        Messages messages = portal.messages;
        long step = history.range().bucketSize().length().toSeconds();
        JsonArray x = new JsonArray();
        Map<Metric, JsonArray[]> columns = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            columns.put(metric, new JsonArray[] {new JsonArray(), new JsonArray(), new JsonArray()});
        }
        long previous = Long.MIN_VALUE;
        for (StatusBucket bucket : history.buckets()) {
            long start = bucket.start().getEpochSecond();
            if (previous != Long.MIN_VALUE && start - previous > step) {
                // A bucket without a status: a point without values, so that the line breaks there.
                x.add(previous + step);
                columns.values().forEach(three -> Arrays.stream(three).forEach(column -> column.addNull()));
            }
            x.add(start);
            for (Metric metric : Metric.values()) {
                MetricSummary summary = metric.read.apply(bucket);
                JsonArray[] three = columns.get(metric);
                if (summary.isEmpty()) {
                    Arrays.stream(three).forEach(JsonArray::addNull);
                } else {
                    three[0].add(jsonNumber(summary.min() / metric.divisor));
                    three[1].add(jsonNumber(summary.mean() / metric.divisor));
                    three[2].add(jsonNumber(summary.max() / metric.divisor));
                }
            }
            previous = start;
        }
        JsonObject series = new JsonObject();
        JsonArray charts = new JsonArray();
        columns.forEach((metric, three) -> {
            if (three[1].stream().allMatch(value -> value == null)) {
                // Not reported over the range: the page says so in place of the chart.
                return;
            }
            series.put(metric.key, new JsonArray().add(three[0]).add(three[1]).add(three[2]));
            charts.add(new JsonObject().put("id", "history-chart-" + metric.key).put("key", metric.key)
                    .put("unit", messages.get("history.unit." + metric.key)).put("percent", metric.percent));
        });
        JsonArray onBattery = new JsonArray();
        for (OnBatteryPeriod period : history.onBattery()) {
            Instant to = period.to().orElse(now.isAfter(period.from()) ? now : period.from());
            onBattery.add(new JsonArray().add(period.from().getEpochSecond()).add(to.getEpochSecond()));
        }
        JsonObject labels = new JsonObject()
                .put("time", messages.get("history.table.time"))
                .put("min", messages.get("history.key.min"))
                .put("mean", messages.get("history.key.mean"))
                .put("max", messages.get("history.key.max"));
        String json = new JsonObject()
                .put("from", history.from().getEpochSecond())
                .put("to", history.to().getEpochSecond())
                .put("step", step)
                .put("zone", intlZone(history.timeZone()))
                .put("x", x)
                .put("series", series)
                .put("charts", charts)
                .put("onBattery", onBattery)
                .put("labels", labels)
                .encode();
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /**
     * The table of the numbers: each bucket for 24 hours and 7 days, each day of the UPS's time zone for 30 and 90
     * days (see the class's comment), newest first.
     */
    Map<String, Object> table(StatusHistoryView history, String over) {
        Messages messages = portal.messages;
        ZoneId zone = history.timeZone();
        boolean perDay = history.range().span().compareTo(Duration.ofDays(7)) > 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        if (perDay) {
            TreeMap<LocalDate, Map<Metric, MetricSummary>> days = new TreeMap<>();
            for (StatusBucket bucket : history.buckets()) {
                Map<Metric, MetricSummary> day = days.computeIfAbsent(bucket.start().atZone(zone).toLocalDate(),
                        date -> new java.util.EnumMap<>(Metric.class));
                for (Metric metric : Metric.values()) {
                    day.merge(metric, metric.read.apply(bucket), MetricSummary::plus);
                }
            }
            days.descendingMap().forEach((day, sums) -> rows.add(row(ROW_DAY.format(day), day.toString(), sums::get)));
        } else {
            for (int i = history.buckets().size() - 1; i >= 0; i--) {
                StatusBucket bucket = history.buckets().get(i);
                ZonedDateTime start = bucket.start().atZone(zone);
                rows.add(row(ROW_TIME.format(start), ISO_MINUTE.format(start), metric -> metric.read.apply(bucket)));
            }
        }
        long minutes = history.range().bucketSize().length().toMinutes();
        String caption = perDay ? messages.format("history.table.captionDays", over, zoneName(zone, history.to()))
                : messages.format("history.table.caption", over, minutes, zoneName(zone, history.to()));
        return Map.of("perDay", perDay, "caption", caption, "rows", rows,
                "timeHeading", messages.get(perDay ? "history.table.day" : "history.table.time"),
                "columns", Arrays.stream(Metric.values()).map(m -> messages.get("history.column." + m.key)).toList());
    }

    private Map<String, Object> row(String label, String datetime, Function<Metric, MetricSummary> values) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            MetricSummary summary = values.apply(metric);
            if (summary.isEmpty()) {
                cells.add(Map.of("none", true, "mean", "", "hasRange", false, "range", ""));
                continue;
            }
            String min = number(summary.min() / metric.divisor);
            String max = number(summary.max() / metric.divisor);
            // Every key present: a missing one would be looked up in the page's values around the partial.
            cells.add(Map.of("none", false, "mean", number(summary.mean() / metric.divisor),
                    "hasRange", !min.equals(max), "range", portal.messages.format("history.table.range", min, max)));
        }
        return Map.of("label", label, "datetime", datetime, "cells", cells);
    }

    private String withUnit(Metric metric, double value) {
        return number(value / metric.divisor) + " " + portal.messages.get("history.unit." + metric.key);
    }

    /** A value as the page shows it: one decimal at most, none when it is whole. */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    /** A value of the data island: as {@link #number} rounds it, a whole number without its {@code .0}. */
    private static Number jsonNumber(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? (Number) (tenths / 10) : (Number) (tenths / 10.0);
    }

    /**
     * The time zone as a browser's {@code Intl.DateTimeFormat} names it: an IANA id as it is; {@code UTC} for the
     * offset zero a new registration has ({@code Z}, which {@code Intl} does not know); {@code Etc/GMT-5} for a whole
     * hour's offset +05:00 (the IANA names have the sign reversed); any other offset as {@code +05:30}.
     */
    static String intlZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (!(normalized instanceof ZoneOffset offset)) {
            return zone.getId();
        }
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        if (seconds % 3600 == 0) {
            int hours = seconds / 3600;
            return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        }
        return offset.getId();
    }

    /** The time zone as the page names it: its id and its offset at {@code at}, e.g. {@code Asia/Kolkata (UTC+05:30)}. */
    static String zoneName(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        String utc = offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        if (zone.normalized() instanceof ZoneOffset || zone.getId().equals("UTC")) {
            return utc;
        }
        return zone.getId() + " (" + utc + ")";
    }
}
