package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history charts of the UPS Status page in a real browser, against a running SmartConnect whose clock the test
 * moves (as {@link StatusHistoryEndToEndTest} does): a simulated UPS (Paho) sends a status every five minutes over three
 * days, runs on battery twice (its {@code ON_BATTERY} and {@code POWER_RESTORED} events), and the status-history job
 * rolls the hours up as the days pass. Its owner opens the Status page, sees the charts and their legend, sets the
 * UPS's time zone in the UPS Profile and finds the times shifted, switches between 24 hours, 7 and 30 days, and opens
 * the table to find the numbers the UPS sent. A UPS without history says so; without JavaScript the summary and the
 * table still show the numbers; another account gets the 404 page. axe-core checks each page; screenshots
 * {@code status-history-*} at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalHistoryBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String OWNER = "grace.hopper@example.org";
    private static final String STRANGER = "bob.stranger@example.org";
    /** The UPS that reports for three days. */
    private static final String UPS = "AS2104123470";
    /** A UPS added at the same time that sends nothing after: no history yet. */
    private static final String NEW_UPS = "AS2104123471";
    /** After the simulated devices' birth (08:15:30) and first status (08:16:30), which the statuses must follow. */
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(3));
    private static final Duration EVERY = Duration.ofMinutes(5);
    /** Two times on battery: 15 minutes on the 21st, 45 minutes on the 22nd (in the last 24 hours at the end). */
    private static final List<Instant[]> ON_BATTERY = List.of(
            new Instant[] {Instant.parse("2026-11-21T02:10:00Z"), Instant.parse("2026-11-21T02:25:00Z")},
            new Instant[] {Instant.parse("2026-11-22T14:00:00Z"), Instant.parse("2026-11-22T14:45:00Z")});

    private PortalBrowser browser;
    private PortalServer portal;
    private MutableClock clock;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        browser = PortalBrowser.launch();
        clock = new MutableClock(START);
        portal = PortalServer.start(dataDir, Map.of(), clock);
        portal.upses.importCatalog(List.of(UPS, NEW_UPS));
        MqttClient device = portal.upses.connect(UPS, true, "OL");
        portal.upses.connect(NEW_UPS, true, "OL");
        portal.upses.awaitBirth(UPS);
        portal.upses.awaitBirth(NEW_UPS);
        portal.client.signUpAndVerify(portal.server, OWNER);
        portal.client.signUpAndVerify(portal.server, STRANGER);
        String owner = portal.bearer(OWNER);
        portal.register(owner, UPS);
        portal.register(owner, NEW_UPS);
        sendThreeDays(device);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void theOwnerSeesTheChartsInTheTimeZoneOfTheUpsSwitchesRangesAndFindsTheNumbersInTheTable() {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            // From a bookmark, logged out: the login, then back to the page.
            page.navigate(portal.base + "/devices/status?productId=" + UPS);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            PortalBrowser.logIn(page, OWNER);
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + UPS);
            Locator history = page.locator("#history");
            assertThat(history.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("History")))
                    .isVisible();
            assertThat(history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("24 hours")))
                    .hasAttribute("aria-current", "page");
            // A new registration's time zone is UTC: the 45 minutes on battery at 14:00 UTC.
            assertThat(history.locator(".history-zone")).containsText("UTC");
            assertThat(history.locator(".history-periods")).hasText("22 Nov 2026, 14:00 to 14:45 (45 min)");

            // The charts: one canvas per measurement, with uPlot's legend and the key of the shading.
            assertThat(history.locator(".history-plot canvas")).hasCount(4);
            assertThat(history.locator(".history-plot .u-legend").first()).isVisible();
            assertThat(history.locator(".history-plot .u-legend").first()).containsText("Mean");
            assertThat(history.locator(".history-key")).containsText("On battery");
            assertThat(history.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Battery charge over the last 24 hours: lowest 82 %.*")))).isVisible();

            // The UPS is in India: its owner says so in the UPS Profile.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("UPS Profile")).click();
            page.getByLabel("Timezone").fill("Asia/Kolkata");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Profile")).click();
            assertThat(page).hasURL(Pattern.compile(".*/\\?notice=saved"));
            page.navigate(portal.base + "/devices/status?productId=" + UPS);
            history = page.locator("#history");
            assertThat(history.locator(".history-zone")).containsText("Asia/Kolkata (UTC+05:30)");
            assertThat(history.locator(".history-zone")).not().containsText("begins");
            assertThat(history.locator(".history-summary")).containsText("Once, 45 min in all:");
            assertThat(history.locator(".history-periods")).hasText("22 Nov 2026, 19:30 to 20:15 (45 min)");
            assertThat(history.locator(".history-summary")).containsText("lowest 82 %");
            assertThat(history.locator(".history-plot canvas")).hasCount(4);
            // The time axis in the UPS's zone as well: the chart starts at 09:00 UTC, 14:30 in Kolkata.
            assertThat(page.evaluate("() => JSON.parse(document.getElementById('history-data').textContent).zone"))
                    .isEqualTo("Asia/Kolkata");
            browser.checkAndShoot(page, "status-history-24h");
            // Back at a phone's width, the charts follow it (on the window's resize event, so waited for): nothing
            // wider than the screen.
            page.waitForFunction("width => document.documentElement.scrollWidth <= width", PortalBrowser.PHONE_WIDTH);
            assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(PortalBrowser.PHONE_WIDTH);
            assertThat((Integer) page.evaluate("() => Math.max(...[...document.querySelectorAll('.history-plot .uplot')]"
                    + ".map(chart => chart.getBoundingClientRect().right))")).isLessThanOrEqualTo(PortalBrowser.PHONE_WIDTH);

            // The numbers: the table, collapsed until asked for, at the chart's five minutes.
            Locator table = history.locator("details.history-table");
            assertThat(table.locator("table")).isHidden();
            table.getByText("Show as a table").click();
            assertThat(table.locator("table")).isVisible();
            assertThat(table.locator("caption")).containsText("every 5 minutes, newest first");
            assertThat(table.locator("tbody tr")).hasCount(288);
            // 14:30 UTC, the UPS on battery for half an hour: 86 %, load 42.5 %, runtime 38.7 min, no input voltage.
            Locator onBattery = table.locator("tbody tr", new Locator.LocatorOptions()
                    .setHas(page.locator("th", new Page.LocatorOptions().setHasText("22 Nov, 20:00"))));
            assertThat(onBattery.locator("td")).hasText(new String[] {"86", "42.5", "38.7", "– not reported"});
            assertThat(onBattery.locator("time")).hasAttribute("datetime", "2026-11-22T20:00+05:30");
            // From the top: Chromium's full-page capture of a scrolled page leaves the table's sticky header blank.
            page.evaluate("window.scrollTo(0, 0)");
            browser.checkAndShoot(page, "status-history-table");

            // A week: hourly points, both times on battery; the hour of the first one in the table.
            history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("7 days")).click();
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + UPS + "&range=7d#history");
            history = page.locator("#history");
            assertThat(history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("7 days")))
                    .hasAttribute("aria-current", "page");
            assertThat(history.locator(".history-summary")).containsText("2 times, 1 h in all:");
            assertThat(history.locator(".history-periods li")).hasText(new String[] {
                    "21 Nov 2026, 07:40 to 07:55 (15 min)", "22 Nov 2026, 19:30 to 20:15 (45 min)"});
            assertThat(history.locator(".history-plot canvas")).hasCount(4);
            // The chart's own times are the UPS's: the hours of UTC are half past in Kolkata, as the legend shows
            // where the cursor points.
            Locator charge = history.locator("#history-chart-charge");
            charge.locator(".u-over").hover();
            assertThat(charge.locator(".u-legend .u-series").first().locator(".u-value"))
                    .hasText(Pattern.compile("^\\d{1,2} Nov 2026, \\d{2}:30$"));
            assertThat(page.locator("#history-chart-voltage .u-legend .u-series").first().locator(".u-value"))
                    .hasText(Pattern.compile("^\\d{1,2} Nov 2026, \\d{2}:30$"));
            page.mouse().move(0, 0);
            // Registered three days ago: the week begins there, and says so.
            assertThat(history.locator(".history-zone")).containsText(
                    "The history begins when the UPS was added to this account, 20 Nov 2026, 14:30.");
            browser.checkAndShoot(page, "status-history-7d");
            table = history.locator("details.history-table");
            table.getByText("Show as a table").click();
            assertThat(table.locator("caption")).containsText("every 60 minutes");
            assertThat(table.locator("tbody tr")).hasCount(72);
            Locator firstTime = table.locator("tbody tr", new Locator.LocatorOptions()
                    .setHas(page.locator("th", new Page.LocatorOptions().setHasText("21 Nov, 07:30"))));
            assertThat(firstTime.locator("td").first()).hasText("98.5 94 to 100");

            // A month: a row per day of the UPS's time zone.
            history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("30 days")).click();
            history = page.locator("#history");
            table = history.locator("details.history-table");
            table.getByText("Show as a table").click();
            assertThat(table.locator("thead th").first()).hasText("Day");
            assertThat(table.locator("tbody th")).hasText(new String[] {
                    "Mon 23 Nov 2026", "Sun 22 Nov 2026", "Sat 21 Nov 2026", "Fri 20 Nov 2026"});
            browser.checkAndShoot(page, "status-history-30d");

            // A range typed by hand that is not one: the last 24 hours.
            page.navigate(portal.base + "/devices/status?productId=" + UPS + "&range=1y");
            assertThat(page.locator("#history").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("24 hours"))).hasAttribute("aria-current", "page");
        }
    }

    @Test
    void aUpsWithoutHistoryYetSaysSoAndLoadsNoChartScript() {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, OWNER);
            page.navigate(portal.base + "/devices/status?productId=" + NEW_UPS);
            Locator history = page.locator("#history");
            assertThat(history.locator("[data-history-empty]")).hasText(Pattern.compile("^No history yet.*"));
            assertThat(history.locator("canvas")).hasCount(0);
            assertThat(page.locator("script[src='/assets/uPlot.iife.min.js']")).hasCount(0);
            // Other ranges say the same.
            history.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("90 days")).click();
            assertThat(page.locator("[data-history-empty]")).isVisible();
            browser.checkAndShoot(page, "status-history-empty");
        }
    }

    @Test
    void withoutJavaScriptTheSummaryAndTheTableShowTheNumbersAndTheChartsStayHidden() {
        try (BrowserContext context = browser.browserContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false).setViewportSize(PortalBrowser.PHONE_WIDTH, 844))) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, OWNER);
            Response response = page.navigate(portal.base + "/devices/status?productId=" + UPS + "&range=90d");
            assertThat(response.status()).isEqualTo(200);
            // The charts' data is a data island the page's policy need not allow: no inline script runs.
            assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.locator("script#history-data")).hasAttribute("type", "application/json");
            assertThat(page.content()).doesNotContain("style=\"", "onclick", "{{");
            Locator history = page.locator("#history");
            assertThat(history.locator("[data-history-charts]")).isHidden();
            assertThat(history.locator(".history-summary")).containsText("Battery charge");
            assertThat(history.locator(".history-summary")).containsText("2 times");
            history.getByText("Show as a table").click();
            assertThat(history.locator("tbody tr")).hasCount(4);
        }
    }

    @Test
    void anotherAccountGetsTheNotFoundPageForTheHistoryOfAUpsThatIsNotTheirs() throws Exception {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, STRANGER);
            Response response = page.navigate(portal.base + "/devices/status?productId=" + UPS + "&range=7d");
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("#history")).hasCount(0);
            assertThat(page.content()).doesNotContain("history-data");
        }
    }

    @Test
    void theChartScriptsAndStylesheetAreServedFromThisServer() throws Exception {
        for (String[] asset : new String[][] {{"/assets/uPlot.iife.min.js", "text/javascript", "uPlot"},
                {"/assets/uPlot.min.css", "text/css", ".uplot"}, {"/assets/history.js", "text/javascript", "history-data"}}) {
            HttpResponse<String> served = portal.get(asset[0]);
            assertThat(served.statusCode()).as(asset[0]).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).as(asset[0]).hasValueSatisfying(
                    type -> assertThat(type).startsWith(asset[1]));
            assertThat(served.body()).as(asset[0]).contains(asset[2]);
        }
        assertThat(portal.get("/assets/uPlot.esm.js").statusCode()).isEqualTo(404);
    }

    /**
     * Three days of statuses, one every five minutes, sent six hours at a time as the clock moves, each batch followed
     * by a pass of the status-history job (it rolls up the hours of the last twelve). Normally on line at 100 %, a
     * load that follows the day, 45 minutes of runtime and about 230 V; on battery, the charge falls by 2 % every five
     * minutes (runtime with it, no input voltage), and climbs back by as much once the power is restored.
     */
    private void sendThreeDays(MqttClient device) throws Exception {
        Job job = portal.server.jobs().stream().filter(j -> j.name().equals("status-history")).findFirst().orElseThrow();
        int seq = 10;
        int charge = 100;
        Instant chunkStart = START;
        while (chunkStart.isBefore(END)) {
            Instant chunkEnd = chunkStart.plus(Duration.ofHours(6));
            clock.advance(Duration.between(clock.instant(), chunkEnd));
            Instant last = null;
            for (Instant step = chunkStart; step.isBefore(chunkEnd); step = step.plus(EVERY)) {
                Instant at = step;
                Optional<Instant[]> period = ON_BATTERY.stream()
                        .filter(p -> !at.isBefore(p[0]) && at.isBefore(p[1])).findFirst();
                for (Instant[] p : ON_BATTERY) {
                    if (p[0].equals(at)) {
                        event(device, "ON_BATTERY", at);
                    } else if (p[1].equals(at)) {
                        event(device, "POWER_RESTORED", at);
                    }
                }
                charge = period.isPresent() ? charge - 2 : Math.min(100, charge + 2);
                JsonObject status = new JsonObject().put("seq", seq++).put("sentAt", at.toString())
                        .put("status", period.isPresent() ? new JsonArray().add("OB").add("DISCHRG")
                                : new JsonArray().add("OL"))
                        .put("batteryChargePercent", charge)
                        .put("batteryRuntimeSeconds", charge * 27)
                        .put("loadPercent", period.isPresent() ? 42.5 : load(at));
                if (period.isEmpty()) {
                    double wave = Math.sin(at.getEpochSecond() / 3600.0 / 5 * 2 * Math.PI);
                    status.put("inputVoltage", Math.round((230 + 2.5 * wave) * 10) / 10.0);
                }
                publish(device, "status", status.encode());
                last = at;
            }
            Instant sent = last;
            SimulatedUpses.eventually(() -> portal.server.devices().query().state(new ProductId(UPS))
                    .flatMap(state -> state.latestStatus()).filter(s -> s.sentAt().equals(sent)).isPresent());
            job.runDue();
            chunkStart = chunkEnd;
        }
        // The events are in as well: both times on battery in the week's history.
        String owner = portal.bearer(OWNER);
        SimulatedUpses.eventually(() -> {
            try {
                HttpResponse<String> week = portal.get("/api/v1/devices/" + UPS + "/history?range=7d",
                        "Authorization", owner);
                return new JsonObject(week.body()).getJsonArray("onBattery").size() == 2;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A load that follows the working day of the UPS's place (UTC+05:30): about 20 % at night, 40 % by day. */
    private static double load(Instant at) {
        double hour = at.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).getHour()
                + at.atOffset(ZoneOffset.UTC).getMinute() / 60.0;
        return Math.round((30 + 10 * Math.sin((hour - 9) / 24 * 2 * Math.PI)) * 10) / 10.0;
    }

    private static void event(MqttClient device, String type, Instant at) throws Exception {
        publish(device, "events", new JsonObject().put("eventId", type + "-" + at.getEpochSecond())
                .put("type", type).put("occurredAt", at.toString()).encode());
    }

    private static void publish(MqttClient device, String kind, String json) throws Exception {
        SimulatedUpses.publish(device, UPS, kind, json);
    }
}
