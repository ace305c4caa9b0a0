package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Event Log in a real browser: a simulated UPS (Paho on MQTT) reports power failures, a low battery, an overload,
 * self-tests and more; its owner opens the log from My devices, reads it newest first in the UPS's time zone, pages
 * through it, filters it by time range, type and severity, downloads it as CSV, and makes a mistake with the dates.
 * The link of the notification mail the UPS's events sent, opened while logged out, leads through the login to the
 * log; a co-worker reads it; another account finds no such UPS. axe-core checks each page; screenshots at phone and
 * desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalEventLogBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String OWNER = "log.owner@example.org";
    private static final String COWORKER = "log.colleague@example.org";
    private static final String STRANGER = "log.stranger@example.org";
    private static final String UPS = "LG2104123456";
    private static final String QUIET_UPS = "LG2104123457";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss", Locale.ENGLISH);
    /** The events a page of the log shows. */
    private static final int PAGE_SIZE = 25;
    private static final int SELF_TESTS = 20;
    /** 3 power failures and their restores, a low battery, an overload and its end, heat, a failed self-test, a firmware update. */
    private static final int EVENTS = SELF_TESTS + 6 + 1 + 2 + 1 + 1 + 1;

    private PortalBrowser browser;
    private PortalServer portal;
    private final Instant now = Instant.now();

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        browser = PortalBrowser.launch();
        portal = PortalServer.start(dataDir);
        portal.upses.importCatalog(List.of(UPS, QUIET_UPS));
        portal.client.signUpAndVerify(portal.server, OWNER);
        // Before the UPS's events send their notifications: the client hands out the mails in order.
        portal.client.signUpAndVerify(portal.server, STRANGER);
        String bearer = portal.bearer(OWNER);
        MqttClient device = portal.upses.connect(UPS, true, "OL");
        portal.upses.connect(QUIET_UPS, true, "OL");
        portal.upses.awaitBirth(UPS);
        portal.upses.awaitBirth(QUIET_UPS);
        for (String ups : List.of(UPS, QUIET_UPS)) {
            HttpResponse<String> registered = portal.post("/api/v1/devices",
                    "{\"productId\": \"" + ups + "\", \"productKey\": \"" + SimulatedUpses.KEY + "\"}",
                    "Authorization", bearer);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        }
        HttpResponse<String> named = portal.sendJson("PATCH", "/api/v1/devices/" + UPS,
                "{\"name\": \"Rack 7\", \"timeZone\": \"" + ZONE.getId() + "\"}", "Authorization", bearer);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(portal.sendJson("PATCH", "/api/v1/devices/" + QUIET_UPS, "{\"name\": \"Spare UPS\"}",
                "Authorization", bearer).statusCode()).isEqualTo(200);

        // What the UPS reports, as docs/device-protocol.md has it, over the last two months.
        for (int i = 0; i < 3; i++) {
            Duration ago = Duration.ofHours(2 + 48 * i);
            event(device, "ob-" + i, "ON_BATTERY", ago, "{\"inputVoltage\": 0.0, \"batteryChargePercent\": 95}");
            event(device, "pr-" + i, "POWER_RESTORED", ago.minusHours(1), "{\"inputVoltage\": 229.5}");
        }
        event(device, "lb-1", "BATTERY_LOW", Duration.ofMinutes(90),
                "{\"batteryChargePercent\": 20, \"batteryRuntimeSeconds\": 300}");
        event(device, "ov-1", "OVERLOAD", Duration.ofDays(5), "{\"loadPercent\": 112.5}");
        event(device, "oc-1", "OVERLOAD_CLEARED", Duration.ofDays(5).minusMinutes(10), "{\"loadPercent\": 64}");
        event(device, "ht-1", "OVER_TEMPERATURE", Duration.ofDays(10), "{\"temperatureC\": 48}");
        event(device, "sf-1", "SELF_TEST_FAILED", Duration.ofDays(15).plusHours(3), "{}");
        for (int i = 0; i < SELF_TESTS; i++) {
            event(device, "st-" + i, "SELF_TEST_PASSED", Duration.ofHours(30 + 24 * i), "{}");
        }
        event(device, "fw-1", "FIRMWARE_UPDATED", Duration.ofDays(60), "{\"firmware\": \"UPS 15.6 / NMC 1.3\"}");
        SimulatedUpses.eventually(() -> logged(bearer) == EVENTS);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void theOwnerReadsPagesFiltersAndExportsTheLogAndMakesAMistakeWithTheDates() throws Exception {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, OWNER);
            Locator card = page.locator("li.device[data-product-id=" + UPS + "]");
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Event Log Rack 7")).click();
            assertThat(page).hasURL(portal.base + "/devices/events?productId=" + UPS);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Event Log").setLevel(1)))
                    .isVisible();
            assertThat(page.locator(".device-tabs [aria-current=page]")).hasText("Event Log");
            assertThat(page.getByText("Times are in the UPS’s time zone, America/New_York")).isVisible();
            Locator rows = page.locator("table.events tbody tr");
            assertThat(rows).hasCount(PAGE_SIZE);
            // Newest first: the restore an hour ago, then the low battery, then the power failure; in New York time.
            assertThat(rows.nth(0).locator("th")).hasText(SHOWN.format(now.minus(Duration.ofHours(1)).atZone(ZONE)));
            assertThat(rows.nth(0).locator("td").nth(0)).hasText("Power restored");
            assertThat(rows.nth(1).locator("td").nth(0)).hasText("Battery low");
            assertThat(rows.nth(1).locator("td").nth(1)).hasText("Critical");
            assertThat(rows.nth(1).locator("td").nth(2)).hasText("Battery charge: 20 % · Runtime: 300 s");
            assertThat(rows.nth(2).locator("td").nth(0)).hasText("On battery");
            assertThat(rows.nth(2).locator("td").nth(1)).hasText("Warning");
            browser.checkAndShoot(page, "event-log");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older events")).click();
            assertThat(page.getByText("Events 26–" + EVENTS + ", page 2")).isVisible();
            assertThat(rows).hasCount(EVENTS - PAGE_SIZE);
            assertThat(rows.last().locator("td").nth(0)).hasText("Firmware updated");
            assertThat(rows.last().locator("td").nth(2)).hasText("Firmware: UPS 15.6 / NMC 1.3");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older events"))).hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newer events")).click();
            assertThat(page.getByText("Events 1–25, page 1")).isVisible();

            // The power failures of the last week, as warnings.
            page.getByLabel("Time range").selectOption(new SelectOption().setLabel("Last 7 days"));
            page.getByLabel("Event type").selectOption(new SelectOption().setLabel("On battery"));
            page.getByLabel("Severity").selectOption(new SelectOption().setLabel("Warning"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Events")).click();
            assertThat(page).hasURL(Pattern.compile(".*range=7d&type=ON_BATTERY&severity=warning&from=&to=$"));
            assertThat(rows).hasCount(3);
            for (int i = 0; i < 3; i++) {
                assertThat(rows.nth(i).locator("td").nth(0)).hasText("On battery");
            }
            assertThat(page.getByLabel("Time range")).hasValue("7d");
            assertThat(page.getByLabel("Event type")).hasValue("ON_BATTERY");
            assertThat(page.getByLabel("Severity")).hasValue("warning");
            browser.checkAndShoot(page, "event-log-filtered");

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Export CSV")).click());
            assertThat(download.suggestedFilename()).isEqualTo(UPS + "-events.csv");
            List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("occurredAt,occurredAtLocal,timeZone,type,severity,eventId,receivedAt,details");
            assertThat(lines).hasSize(4);
            assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line)
                    .contains(",America/New_York,ON_BATTERY,warning,"));
            assertThat(lines.subList(1, 4)).extracting(line -> line.split(",")[5]).containsExactly("ob-0", "ob-1", "ob-2");

            // Only the critical events, of any time.
            page.getByLabel("Time range").selectOption(new SelectOption().setLabel("Any time"));
            page.getByLabel("Event type").selectOption(new SelectOption().setLabel("All event types"));
            page.getByLabel("Severity").selectOption(new SelectOption().setLabel("Critical"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Events")).click();
            assertThat(rows).hasCount(2);
            assertThat(rows.nth(0).locator("td").nth(0)).hasText("Battery low");
            assertThat(rows.nth(1).locator("td").nth(0)).hasText("Overload");

            // A mistake: the dates the wrong way round. The page says so and keeps them.
            page.getByLabel("Time range").selectOption(new SelectOption().setLabel("Last 30 days"));
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-11-20");
            // The page's script: a date typed chooses the dates over the last 30 days (without it, the server would).
            assertThat(page.getByLabel("Time range")).hasValue("dates");
            page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-11-10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Events")).click();
            assertThat(page.locator("#from-error")).hasText("The From date must be on or before the To date.");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct");
            assertThat(page.getByLabel("From", new Page.GetByLabelOptions().setExact(true))).hasValue("2026-11-20");
            assertThat(page.getByLabel("To", new Page.GetByLabelOptions().setExact(true))).hasValue("2026-11-10");
            assertThat(page.getByLabel("Severity")).hasValue("critical");
            assertThat(rows).hasCount(0);
            browser.assertAccessible(page);
            // Put right: the day of the overload, five days ago in New York.
            String day = now.minus(Duration.ofDays(5)).atZone(ZONE).toLocalDate().toString();
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(day);
            page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill(day);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Events")).click();
            assertThat(rows).hasCount(1);
            assertThat(rows.nth(0).locator("td").nth(0)).hasText("Overload");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear filters")).first().click();
            assertThat(page).hasURL(portal.base + "/devices/events?productId=" + UPS);
            assertThat(rows).hasCount(PAGE_SIZE);

            // A UPS that has reported nothing yet.
            page.navigate(portal.base + "/");
            page.locator("li.device[data-product-id=" + QUIET_UPS + "]").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Event Log Spare UPS")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No events yet")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV"))).hasCount(0);
            browser.checkAndShoot(page, "event-log-empty");
        }
    }

    @Test
    void theNotificationMailsLinkOpenedLoggedOutLeadsThroughTheLoginToTheLog() throws Exception {
        MimeMessage mail = awaitMail("Warning: On battery on Rack 7");
        Matcher link = Pattern.compile("https://portal\\.example\\.com(/\\S+)").matcher(PortalClient.text(mail));
        String path = null;
        while (link.find()) {
            if (link.group(1).startsWith("/devices/events")) {
                path = link.group(1);
            }
        }
        assertThat(path).as("the Event Log link of the mail").isEqualTo("/devices/events?productId=" + UPS);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + path);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            assertThat(URLDecoder.decode(page.url(), StandardCharsets.UTF_8)).endsWith("next=" + path);
            PortalBrowser.logIn(page, OWNER);
            assertThat(page).hasURL(portal.base + path);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Event Log").setLevel(1)))
                    .isVisible();
            assertThat(page.locator("table.events tbody tr")).hasCount(PAGE_SIZE);
        }
    }

    @Test
    void aCoworkerReadsTheLogAndAnotherAccountFindsNoSuchUps() throws Exception {
        HttpResponse<String> invited = portal.post("/api/v1/company/invitations",
                "{\"email\": \"" + COWORKER + "\"}", "Authorization", portal.bearer(OWNER));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        Matcher invitation = Pattern.compile("/register\\?invitation=([A-Za-z0-9_%.-]+)")
                .matcher(PortalClient.text(awaitMailTo(COWORKER, 0)));
        assertThat(invitation.find()).isTrue();
        HttpResponse<String> joined = portal.post("/api/v1/registrations", """
                {"email": "%s", "firstName": "Mary", "lastName": "Somerville",
                 "password": "%s", "country": "GB", "invitationToken": "%s", "privacyAccepted": true,
                 "marketingOptIn": false, "captchaToken": "any"}""".formatted(COWORKER, PASSWORD,
                URLDecoder.decode(invitation.group(1), StandardCharsets.UTF_8)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        String code = PortalClient.mailedCode(awaitMailTo(COWORKER, 1));
        assertThat(portal.post("/api/v1/registrations/" + PortalClient.field(joined.body(), "registrationId")
                + "/verification", "{\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, COWORKER);
            Locator card = page.locator("li.device[data-product-id=" + UPS + "]");
            assertThat(card).containsText("Co-worker’s device (read-only)");
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Event Log Rack 7")).click();
            assertThat(page).hasURL(portal.base + "/devices/events?productId=" + UPS);
            assertThat(page.locator(".device-head")).containsText("Co-worker’s device (read-only)");
            assertThat(page.locator(".device-tabs a")).hasText(new String[] {"Status", "Event Log", "Email Notifications"});
            assertThat(page.locator("table.events tbody tr")).hasCount(PAGE_SIZE);
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Export CSV")).click());
            assertThat(Files.readAllLines(download.path(), StandardCharsets.UTF_8)).hasSize(1 + EVENTS);
            browser.assertAccessible(page);
        }

        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, STRANGER);
            for (String path : List.of("/devices/events?productId=" + UPS, "/devices/events.csv?productId=" + UPS)) {
                Response answer = page.navigate(portal.base + path);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Device not found")))
                        .isVisible();
                assertThat(page.locator("body")).not().containsText("Rack 7");
            }
            browser.assertAccessible(page);
        }
    }

    private void event(MqttClient device, String id, String type, Duration ago, String details) throws Exception {
        SimulatedUpses.publish(device, UPS, "events", new JsonObject().put("eventId", id).put("type", type)
                .put("occurredAt", now.minus(ago).toString()).put("details", new JsonObject(details)).encode());
    }

    private int logged(String bearer) {
        try {
            HttpResponse<String> page = portal.get("/api/v1/devices/" + UPS + "/events?limit=1000",
                    "Authorization", bearer);
            return page.statusCode() == 200 ? new JsonObject(page.body()).getJsonArray("events").size() : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first mail with {@code subject}, waiting up to 15 seconds for it. */
    private MimeMessage awaitMail(String subject) throws Exception {
        for (int i = 0; i < 150; i++) {
            for (MimeMessage mail : portal.smtp.getReceivedMessages()) {
                if (subject.equals(mail.getSubject())) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail " + subject);
    }

    /** The mail to {@code address} at {@code index} (0 the first) of those it received, waiting up to 15 seconds. */
    private MimeMessage awaitMailTo(String address, int index) throws Exception {
        for (int i = 0; i < 150; i++) {
            List<MimeMessage> to = java.util.Arrays.stream(portal.smtp.getReceivedMessages())
                    .filter(mail -> sentTo(mail, address)).toList();
            if (to.size() > index) {
                return to.get(index);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail " + index + " to " + address);
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return java.util.Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
