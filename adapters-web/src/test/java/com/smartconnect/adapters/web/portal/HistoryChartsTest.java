package com.smartconnect.adapters.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.port.in.StatusHistoryView;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The data of the history charts as HistoryCharts shapes it from the history use case's view: the range a page asks
 * for, the times in the UPS's time zone, the on-battery periods to shade, the gaps, the table's rows (per bucket, or
 * per day of the UPS's zone for 30 and 90 days) and the empty state.
 */
class HistoryChartsTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final HistoryCharts charts = new HistoryCharts(
            new Portal(null, Optional.empty(), null, Clock.systemUTC(), Optional.empty()));

    @Test
    void aPageWithoutARangeOrWithOneThatIsNotARangeShowsTheLast24Hours() {
        assertThat(HistoryCharts.range(null)).isEqualTo(HistoryRange.LAST_24_HOURS);
        assertThat(HistoryCharts.range("")).isEqualTo(HistoryRange.LAST_24_HOURS);
        assertThat(HistoryCharts.range("1y")).isEqualTo(HistoryRange.LAST_24_HOURS);
        assertThat(HistoryCharts.range("7D")).isEqualTo(HistoryRange.LAST_24_HOURS);
        assertThat(HistoryCharts.range(" 7d ")).isEqualTo(HistoryRange.LAST_7_DAYS);
        assertThat(HistoryCharts.range("30d")).isEqualTo(HistoryRange.LAST_30_DAYS);
        assertThat(HistoryCharts.range("90d")).isEqualTo(HistoryRange.LAST_90_DAYS);
    }

    @Test
    void theRangeLinksKeepTheUpsAndMarkTheRangeShown() {
        Map<String, Object> values = charts.values(UPS.value(), HistoryRange.LAST_7_DAYS, Optional.empty(), NOW);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranges = (List<Map<String, Object>>) values.get("ranges");
        assertThat(ranges).extracting(r -> r.get("label")).containsExactly("24 hours", "7 days", "30 days", "90 days");
        assertThat(ranges).extracting(r -> r.get("href")).containsExactly(
                "/devices/status?productId=AS2104123456&range=24h#history",
                "/devices/status?productId=AS2104123456&range=7d#history",
                "/devices/status?productId=AS2104123456&range=30d#history",
                "/devices/status?productId=AS2104123456&range=90d#history");
        assertThat(ranges).extracting(r -> r.get("current")).containsExactly(false, true, false, false);
    }

    @Test
    void aUpsWithoutHistoryYetSaysSoAndLoadsNoChart() {
        StatusHistoryView none = view(HistoryRange.LAST_24_HOURS, ZoneOffset.UTC, List.of(), List.of());
        assertThat(charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.of(none), NOW))
                .containsEntry("empty", true).doesNotContainKeys("json", "table");
        assertThat(charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.empty(), NOW))
                .containsEntry("empty", true);
    }

    @Test
    void theTableAndTheChartsDataAreInTheTimeZoneOfTheUps() {
        StatusBucket bucket = five("2026-11-22T14:30:00Z", 71, 1500, 42.5, 0);
        StatusHistoryView history = view(HistoryRange.LAST_24_HOURS, KOLKATA, List.of(bucket), List.of());
        Map<String, Object> values = charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.of(history), NOW);

        assertThat(values.get("zone")).isEqualTo(
                "Times are in the time zone of the UPS, Asia/Kolkata (UTC+05:30), as set in its UPS Profile.");
        Map<String, Object> row = rows(values).get(0);
        assertThat(row).containsEntry("label", "22 Nov, 20:00").containsEntry("datetime", "2026-11-22T20:00+05:30");
        assertThat(cells(row)).extracting(c -> c.get("mean")).containsExactly("71", "42.5", "25", "");
        assertThat(cells(row).get(3)).containsEntry("none", true);
        JsonObject json = new JsonObject(charts.json(history, NOW));
        assertThat(json.getString("zone")).isEqualTo("Asia/Kolkata");
        assertThat(json.getLong("step")).isEqualTo(300);
        assertThat(longs(json.getJsonArray("x"))).containsExactly(bucket.start().getEpochSecond());
        // Runtime in minutes; input voltage not reported at all: no chart for it.
        assertThat(json.getJsonObject("series").getJsonArray("runtime").getJsonArray(1).getList()).containsExactly(25);
        assertThat(json.getJsonObject("series").containsKey("voltage")).isFalse();
        assertThat(json.getJsonArray("charts").stream().map(c -> ((JsonObject) c).getString("key")))
                .containsExactly("charge", "load", "runtime");
    }

    @Test
    void intlGetsAZoneItKnowsForEveryZoneAUpsCanHave() {
        assertThat(HistoryCharts.intlZone(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(HistoryCharts.intlZone(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(HistoryCharts.intlZone(KOLKATA)).isEqualTo("Asia/Kolkata");
        assertThat(HistoryCharts.intlZone(ZoneOffset.ofHours(5))).isEqualTo("Etc/GMT-5");
        assertThat(HistoryCharts.intlZone(ZoneOffset.ofHours(-3))).isEqualTo("Etc/GMT+3");
        assertThat(HistoryCharts.intlZone(ZoneOffset.ofHoursMinutes(5, 30))).isEqualTo("+05:30");
        assertThat(HistoryCharts.zoneName(ZoneOffset.UTC, NOW)).isEqualTo("UTC");
        assertThat(HistoryCharts.zoneName(ZoneId.of("Europe/Paris"), NOW)).isEqualTo("Europe/Paris (UTC+01:00)");
        assertThat(HistoryCharts.zoneName(ZoneId.of("Europe/Paris"), Instant.parse("2026-07-01T00:00:00Z")))
                .isEqualTo("Europe/Paris (UTC+02:00)");
    }

    @Test
    void theTimesOnBatteryAreShadedAndCountedAnOngoingOneUntilNow() {
        Instant from = Instant.parse("2026-11-22T14:00:00Z");
        Instant to = Instant.parse("2026-11-22T14:45:00Z");
        Instant since = Instant.parse("2026-11-23T08:40:00Z");
        StatusHistoryView history = view(HistoryRange.LAST_24_HOURS, KOLKATA,
                List.of(five("2026-11-22T14:30:00Z", 71, 1500, 42.5, 0)),
                List.of(new OnBatteryPeriod(from, Optional.of(to)), new OnBatteryPeriod(since, Optional.empty())));
        JsonArray shaded = new JsonObject(charts.json(history, NOW)).getJsonArray("onBattery");
        assertThat(longs(shaded.getJsonArray(0))).containsExactly(from.getEpochSecond(), to.getEpochSecond());
        assertThat(longs(shaded.getJsonArray(1))).containsExactly(since.getEpochSecond(), NOW.getEpochSecond());

        @SuppressWarnings("unchecked")
        Map<String, Object> onBattery = (Map<String, Object>) charts.values(UPS.value(), HistoryRange.LAST_24_HOURS,
                Optional.of(history), NOW).get("onBattery");
        assertThat(onBattery.get("text")).isEqualTo("2 times, 1 h 5 min in all:");
        assertThat(onBattery.get("periods")).isEqualTo(List.of("22 Nov 2026, 19:30 to 20:15 (45 min)",
                "23 Nov 2026, 14:10 until now: still on battery"));

        StatusHistoryView once = view(HistoryRange.LAST_24_HOURS, KOLKATA, history.buckets(),
                List.of(new OnBatteryPeriod(from, Optional.of(to))));
        assertThat(((Map<?, ?>) charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.of(once), NOW)
                .get("onBattery")).get("text")).isEqualTo("Once, 45 min in all:");
        StatusHistoryView never = view(HistoryRange.LAST_24_HOURS, KOLKATA, history.buckets(), List.of());
        assertThat(((Map<?, ?>) charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.of(never), NOW)
                .get("onBattery")).get("text")).isEqualTo("Not once");
    }

    @Test
    void aBucketWithoutAStatusBreaksTheLineRatherThanBridgingIt() {
        StatusHistoryView history = view(HistoryRange.LAST_24_HOURS, ZoneOffset.UTC, List.of(
                five("2026-11-23T08:00:00Z", 90, 0, 20, 230), five("2026-11-23T08:05:00Z", 91, 0, 21, 231),
                five("2026-11-23T08:20:00Z", 92, 0, 22, 232)), List.of());
        JsonObject json = new JsonObject(charts.json(history, NOW));
        long eight = Instant.parse("2026-11-23T08:00:00Z").getEpochSecond();
        assertThat(longs(json.getJsonArray("x"))).containsExactly(eight, eight + 300, eight + 600, eight + 1200);
        assertThat(json.getJsonObject("series").getJsonArray("charge").getJsonArray(1).getList())
                .containsExactly(90, 91, null, 92);
        assertThat(json.encode()).doesNotContain("<", ">", "&");
    }

    @Test
    void thirtyAndNinetyDaysAreTabledDayByDayInTheTimeZoneOfTheUps() {
        // 17:00 and 19:00 UTC are 22:30 on the 20th and 00:30 on the 21st in Kolkata; the same day in UTC.
        List<StatusBucket> hours = List.of(
                hour("2026-11-20T17:00:00Z", new MetricSummary(2, 80, 170, 90)),
                hour("2026-11-20T19:00:00Z", new MetricSummary(1, 60, 60, 60)),
                hour("2026-11-20T20:00:00Z", new MetricSummary(3, 70, 240, 90)));
        Map<String, Object> kolkata = charts.values(UPS.value(), HistoryRange.LAST_30_DAYS,
                Optional.of(view(HistoryRange.LAST_30_DAYS, KOLKATA, hours, List.of())), NOW);
        assertThat(table(kolkata)).containsEntry("perDay", true).containsEntry("timeHeading", "Day");
        List<Map<String, Object>> rows = rows(kolkata);
        assertThat(rows).extracting(r -> r.get("label")).containsExactly("Sat 21 Nov 2026", "Fri 20 Nov 2026");
        assertThat(rows).extracting(r -> r.get("datetime")).containsExactly("2026-11-21", "2026-11-20");
        // The 21st: 60 once and 70 to 90 three times; its mean weighs each status alike.
        assertThat(cells(rows.get(0)).get(0)).containsEntry("mean", "75").containsEntry("hasRange", true)
                .containsEntry("range", "60 to 90");
        assertThat(cells(rows.get(1)).get(0)).containsEntry("mean", "85").containsEntry("range", "80 to 90");

        Map<String, Object> utc = charts.values(UPS.value(), HistoryRange.LAST_90_DAYS,
                Optional.of(view(HistoryRange.LAST_90_DAYS, ZoneOffset.UTC, hours, List.of())), NOW);
        assertThat(rows(utc)).extracting(r -> r.get("label")).containsExactly("Fri 20 Nov 2026");
        assertThat(cells(rows(utc).get(0)).get(0)).containsEntry("mean", "78.3");

        Map<String, Object> week = charts.values(UPS.value(), HistoryRange.LAST_7_DAYS,
                Optional.of(view(HistoryRange.LAST_7_DAYS, KOLKATA, hours, List.of())), NOW);
        assertThat(table(week)).containsEntry("perDay", false);
        assertThat(rows(week)).extracting(r -> r.get("label"))
                .containsExactly("21 Nov, 01:30", "21 Nov, 00:30", "20 Nov, 22:30");
    }

    @Test
    void aRangeLongerThanTheUpsHasBeenRegisteredSaysWhereItsHistoryBegins() {
        StatusBucket bucket = five("2026-11-22T14:30:00Z", 71, 1500, 42.5, 0);
        StatusHistoryView day = view(HistoryRange.LAST_24_HOURS, KOLKATA, List.of(bucket), List.of());
        assertThat(charts.values(UPS.value(), HistoryRange.LAST_24_HOURS, Optional.of(day), NOW))
                .containsEntry("since", "");
        Instant registered = Instant.parse("2026-11-20T09:00:00Z");
        StatusHistoryView week = new StatusHistoryView(UPS, HistoryRange.LAST_7_DAYS, registered,
                Instant.parse("2026-11-23T10:00:00Z"), KOLKATA, List.of(hour("2026-11-21T02:00:00Z",
                        new MetricSummary(1, 90, 90, 90))), List.of());
        assertThat(charts.values(UPS.value(), HistoryRange.LAST_7_DAYS, Optional.of(week), NOW)).containsEntry(
                "since", "The history begins when the UPS was added to this account, 20 Nov 2026, 14:30.");
    }

    @Test
    void lengthsOnBatteryReadAsPeopleSayThem() {
        assertThat(charts.duration(java.time.Duration.ofSeconds(20))).isEqualTo("1 min");
        assertThat(charts.duration(java.time.Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(charts.duration(java.time.Duration.ofMinutes(60))).isEqualTo("1 h");
        assertThat(charts.duration(java.time.Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(charts.duration(java.time.Duration.ofHours(48))).isEqualTo("2 d");
        assertThat(charts.duration(java.time.Duration.ofHours(53))).isEqualTo("2 d 5 h");
    }

    @Test
    void ninetyFullDaysOfHourlyBucketsMakeADataIslandUnder200KilobytesAndATableOfOneRowADay() {
        Instant from = BucketSize.ONE_HOUR.startOf(NOW.minus(HistoryRange.LAST_90_DAYS.span()));
        List<StatusBucket> hours = new java.util.ArrayList<>();
        for (Instant at = from; at.isBefore(NOW); at = at.plus(java.time.Duration.ofHours(1))) {
            double wave = Math.sin(at.getEpochSecond() / 3600.0);
            hours.add(new StatusBucket(UPS, BucketSize.ONE_HOUR, at, new MetricSummary(60, 96, 60 * 98.5, 100),
                    new MetricSummary(60, 2500, 60 * 2650.5, 2700), new MetricSummary(60, 20 + wave, 60 * (30.25 + wave), 40),
                    new MetricSummary(60, 225.5, 60 * (230.1 + wave), 235.2)));
        }
        StatusHistoryView history = view(HistoryRange.LAST_90_DAYS, KOLKATA, hours, List.of());
        String json = charts.json(history, NOW);
        assertThat(new JsonObject(json).getJsonArray("x")).hasSize(2160);
        assertThat(json.length()).as("the 90 days' data island").isLessThan(200_000);
        assertThat(rows(charts.values(UPS.value(), HistoryRange.LAST_90_DAYS, Optional.of(history), NOW)))
                .hasSizeBetween(90, 91);
    }

    @Test
    void numbersShowOneDecimalAtMost() {
        assertThat(HistoryCharts.number(100)).isEqualTo("100");
        assertThat(HistoryCharts.number(42.46)).isEqualTo("42.5");
        assertThat(HistoryCharts.number(229.96)).isEqualTo("230");
        assertThat(HistoryCharts.number(0.04)).isEqualTo("0");
        assertThat(HistoryCharts.number(-0.5)).isEqualTo("-0.5");
    }

    private static StatusHistoryView view(HistoryRange range, ZoneId zone, List<StatusBucket> buckets,
            List<OnBatteryPeriod> onBattery) {
        Instant to = range.bucketSize().startOf(NOW).plus(range.bucketSize().length());
        return new StatusHistoryView(UPS, range, range.bucketSize().startOf(NOW.minus(range.span())), to, zone, buckets,
                onBattery);
    }

    private static StatusBucket five(String start, int charge, int runtime, double load, double voltage) {
        return new StatusBucket(UPS, BucketSize.FIVE_MINUTES, Instant.parse(start), one(charge), one(runtime),
                one(load), one(voltage));
    }

    private static StatusBucket hour(String start, MetricSummary charge) {
        return new StatusBucket(UPS, BucketSize.ONE_HOUR, Instant.parse(start), charge, MetricSummary.NONE,
                MetricSummary.NONE, MetricSummary.NONE);
    }

    /** One value; zero stands for "not reported". */
    private static MetricSummary one(double value) {
        return value == 0 ? MetricSummary.NONE : new MetricSummary(1, value, value, value);
    }

    private static List<Long> longs(JsonArray numbers) {
        return numbers.stream().map(n -> ((Number) n).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> values) {
        return (Map<String, Object>) values.get("table");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> values) {
        return (List<Map<String, Object>>) table(values).get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("cells");
    }
}
