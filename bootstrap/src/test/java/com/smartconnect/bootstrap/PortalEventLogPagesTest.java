package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.mail.port.out.MailTemplate;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Event Log page and its Export CSV over plain HTTP, without a browser or its scripts: the login and back, another
 * account's UPS as a 404, the filters as a GET form that keeps them (and says what is wrong with bad ones, without an
 * error page), the pages by the cursor, the file's name and rows; and every link of every mail of the product, opened
 * by someone who is not logged in, answered by a page of the portal (never the API's JSON).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalEventLogPagesTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String UPS = "EV2104123456";
    private static final String OTHERS_UPS = "EV2104123457";
    private static final String OWNER = "event.owner@example.org";
    private static final String OTHER = "someone.else@example.org";
    private static final String INTEGRATION_KEY = "store-key-0123456789abcdef0123456789";
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** More than one page of the log: 25 self-tests, 3 on-battery periods with their restore, one unknown type. */
    private static final int SELF_TESTS = 25;

    private PortalServer portal;
    /** The session tokens of the owner and of another account, for the pages' cookie. */
    private String ownerCookie;
    private String otherCookie;
    private final Instant now = Instant.now();

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        portal = PortalServer.start(dataDir, Map.of("SMARTCONNECT_INTEGRATION_KEYS", "store=" + INTEGRATION_KEY),
                null);
        portal.upses.importCatalog(List.of(UPS, OTHERS_UPS));
        portal.client.signUpAndVerify(portal.server, OWNER);
        portal.client.signUpAndVerify(portal.server, OTHER);
        String ownerToken = portal.token(OWNER);
        ownerCookie = ownerToken;
        otherCookie = portal.token(OTHER);
        MqttClient device = portal.upses.connect(UPS, true, "OL");
        portal.upses.connect(OTHERS_UPS, true, "OL");
        portal.upses.awaitBirth(UPS);
        portal.upses.awaitBirth(OTHERS_UPS);
        portal.register("Bearer " + ownerToken, UPS);
        portal.register("Bearer " + otherCookie, OTHERS_UPS);
        HttpResponse<String> zoned = portal.sendJson("PATCH", "/api/v1/devices/" + UPS,
                "{\"name\": \"Rack 7\", \"timeZone\": \"" + ZONE.getId() + "\"}", "Authorization", "Bearer " + ownerToken);
        assertThat(zoned.statusCode()).as(zoned.body()).isEqualTo(200);
        int sent = 0;
        for (int i = 0; i < SELF_TESTS; i++) {
            event(device, "self-" + i, "SELF_TEST_PASSED", now.minus(Duration.ofHours(30 + i)), "{}");
            sent++;
        }
        for (int i = 0; i < 3; i++) {
            event(device, "ob-" + i, "ON_BATTERY", now.minus(Duration.ofHours(2 + 24 * i)),
                    "{\"inputVoltage\": 0.0, \"batteryChargePercent\": 95}");
            event(device, "pr-" + i, "POWER_RESTORED", now.minus(Duration.ofHours(1 + 24 * i)), "{}");
            sent += 2;
        }
        event(device, "fan-1", "FAN_FAILURE", now.minus(Duration.ofDays(40)), "{\"fan\": 2, \"note\": \"a, \\\"quoted\\\" word\"}");
        sent++;
        int expected = sent;
        SimulatedUpses.eventually(() -> apiEvents(ownerToken) == expected);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal);
    }

    @Test
    void aVisitorWhoIsNotLoggedInLogsInAndComesBackWithTheFilters() throws Exception {
        HttpResponse<String> page = portal.page("/devices/events?productId=" + UPS + "&type=ON_BATTERY&severity=warning", null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(URLDecoder.decode(page.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo("/login?next=/devices/events?productId=" + UPS + "&type=ON_BATTERY&severity=warning");
        HttpResponse<String> file = portal.page("/devices/events.csv?productId=" + UPS + "&severity=info", null);
        assertThat(file.statusCode()).isEqualTo(303);
        assertThat(URLDecoder.decode(file.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8))
                .as("after the login, the page rather than a download").isEqualTo(
                        "/login?next=/devices/events?productId=" + UPS + "&severity=info");
    }

    @Test
    void anotherAccountsUpsAndAnUnknownOneAreNotFound() throws Exception {
        for (String path : List.of("/devices/events?productId=" + OTHERS_UPS, "/devices/events.csv?productId="
                + OTHERS_UPS, "/devices/events?productId=AS0000000000", "/devices/events?productId=nonsense",
                "/devices/events")) {
            HttpResponse<String> page = portal.page(path, ownerCookie);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).as(path).contains("Device not found").doesNotContain("Rack 7");
        }
        assertThat(portal.page("/devices/events?productId=" + UPS, otherCookie).statusCode()).isEqualTo(404);
    }

    @Test
    void theLogIsNewestFirstInTheDevicesTimeZoneByPagesOfTwentyFive() throws Exception {
        HttpResponse<String> first = portal.page("/devices/events?productId=" + UPS, ownerCookie);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<h1>Event Log</h1>", "Rack 7", "America/New_York",
                "Events 1–25, page 1", "aria-current=\"page\"");
        List<String> times = rowTimes(first.body());
        assertThat(times).hasSize(25);
        // The newest: the last power restore, an hour ago, in New York's time.
        assertThat(first.body()).contains(java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss",
                Locale.ENGLISH).format(now.minus(Duration.ofHours(1)).atZone(ZONE)));
        assertThat(rowTypes(first.body()).subList(0, 2)).containsExactly("Power restored", "On battery");
        assertThat(first.body()).contains("Input voltage: 0 V · Battery charge: 95 %");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.body()).doesNotContain("Newer events");
        String older = href(first.body(), "Older events");
        HttpResponse<String> second = portal.page(older, ownerCookie);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Events 26–32, page 2").doesNotContain("Older events");
        assertThat(rowTypes(second.body())).last().isEqualTo("Fan failure");
        assertThat(second.body()).contains("Fan: 2 · Note: a, &quot;quoted&quot; word");
        assertThat(href(second.body(), "Newer events")).isEqualTo("/devices/events?productId=" + UPS);

        HttpResponse<String> lost = portal.page("/devices/events?productId=" + UPS + "&after=bm90LWEtY3Vyc29y", ownerCookie);
        assertThat(lost.statusCode()).isEqualTo(400);
        assertThat(lost.body()).contains("This page of the event log does not exist", "Newest events");
    }

    @Test
    void theFiltersAreAGetFormThatKeepsThemAndTheFileHasTheSameRows() throws Exception {
        HttpResponse<String> filtered = portal.page("/devices/events?productId=" + UPS
                + "&range=7d&type=ON_BATTERY&severity=warning", ownerCookie);
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(rowTypes(filtered.body())).containsExactly("On battery", "On battery", "On battery");
        assertThat(filtered.body()).contains("<option value=\"7d\" selected>Last 7 days</option>",
                "<option value=\"ON_BATTERY\" selected>On battery</option>",
                "<option value=\"warning\" selected>Warning</option>", "Clear filters");
        // The last 24 hours hold one on-battery period; the self-tests are all older.
        assertThat(rowTypes(portal.page("/devices/events?productId=" + UPS + "&range=24h", ownerCookie).body()))
                .containsExactly("Power restored", "On battery");
        // Dates are days in the UPS's time zone, the To day included.
        String day = now.minus(Duration.ofDays(40)).atZone(ZONE).toLocalDate().toString();
        assertThat(rowTypes(portal.page("/devices/events?productId=" + UPS + "&from=" + day + "&to=" + day, ownerCookie)
                .body())).containsExactly("Fan failure");
        HttpResponse<String> none = portal.page("/devices/events?productId=" + UPS + "&type=OVERLOAD", ownerCookie);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("No events match these filters").doesNotContain("Export CSV");

        String csvHref = href(filtered.body(), "Export CSV");
        assertThat(csvHref).isEqualTo("/devices/events.csv?productId=" + UPS + "&range=7d&type=ON_BATTERY&severity=warning");
        HttpResponse<String> file = portal.page(csvHref, ownerCookie);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"" + UPS + "-events.csv\"");
        List<String> rows = file.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("occurredAt,occurredAtLocal,timeZone,type,severity,eventId,receivedAt,details");
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",America/New_York,ON_BATTERY,warning,"));
        List<String> all = portal.page("/devices/events.csv?productId=" + UPS, ownerCookie).body().lines().toList();
        assertThat(all).as("every page in the file").hasSize(1 + SELF_TESTS + 6 + 1);
        assertThat(all.get(all.size() - 1)).contains("FAN_FAILURE", "\"{\"\"fan\"\":2,\"\"note\"\":\"\"a, \\\"\"quoted\\\"\" word\"\"}\"");
    }

    @Test
    void badFiltersGiveThePageWithAMessageAndTheValuesKept() throws Exception {
        HttpResponse<String> wrong = portal.page("/devices/events?productId=" + UPS
                + "&range=dates&from=2026-11-20&to=2026-11-10&type=on%20battery!&severity=urgent", ownerCookie);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The From date must be on or before the To date.",
                "Please choose an event type from the list.",
                "Please choose a severity from the list: Info, Warning or Critical.",
                "value=\"2026-11-20\"", "value=\"2026-11-10\"", "Correct the filters above to see the events.",
                "<option value=\"dates\" selected>Between the dates below</option>")
                .doesNotContain("<table", "Export CSV");
        HttpResponse<String> notADate = portal.page("/devices/events?productId=" + UPS + "&from=20/11/2026&range=fortnight",
                ownerCookie);
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Please give a date such as 2026-11-20.",
                "Please choose a time range from the list.", "value=\"20/11/2026\"");
        HttpResponse<String> file = portal.page("/devices/events.csv?productId=" + UPS + "&from=2026-11-20&to=2026-11-10",
                ownerCookie);
        assertThat(file.statusCode()).as("the page says what is wrong").isEqualTo(303);
        assertThat(file.headers().firstValue("Location").orElseThrow())
                .isEqualTo("/devices/events?productId=" + UPS + "&range=dates&from=2026-11-20&to=2026-11-10");
    }

    @Test
    void aUpsOnTheBasicPlanSaysItsLogTakesNoNewEvents() throws Exception {
        assertThat(portal.page("/devices/events?productId=" + OTHERS_UPS, otherCookie).body()).doesNotContain("Basic plan");
        HttpResponse<String> basic = portal.sendJson("PUT", "/api/v1/integration/devices/"
                + OTHERS_UPS + "/plan", "{\"plan\": \"BASIC\"}", "Authorization", "Bearer " + INTEGRATION_KEY);
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
        HttpResponse<String> page = portal.page("/devices/events?productId=" + OTHERS_UPS, otherCookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This UPS is on the Basic plan, which does not include the Event Log: the log ends",
                "No events yet");
    }

    /**
     * Every link of every mail the product sends, as its templates write it, opened by someone who is not logged in:
     * a page of the portal (the page itself, or the login page that leads to it), never the API's JSON.
     */
    @Test
    void everyLinkOfEveryMailLandsOnAPortalPage() throws Exception {
        Pattern link = Pattern.compile("\\{\\{publicUrl\\}\\}([^\"\\s<>)]*)");
        TreeSet<String> links = new TreeSet<>();
        for (MailTemplate template : MailTemplate.values()) {
            if (template.preparedAtDelivery()) {
                continue;
            }
            String name = "mail/" + template.name().toLowerCase(Locale.ROOT).replace('_', '-');
            for (String part : List.of(".html.mustache", ".txt.mustache")) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(name + part)) {
                    assertThat(in).as(name + part).isNotNull();
                    Matcher found = link.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (found.find()) {
                        links.add(found.group(1).isEmpty() ? "/" : found.group(1));
                    }
                }
            }
        }
        assertThat(links).contains("/devices/events?productId={{productId}}", "/login", "/");
        List<String> answers = new ArrayList<>();
        for (String path : links) {
            assertThat(path).as("a mail's link").doesNotStartWith("/api/");
            String opened = path.replaceAll("\\{\\{productId\\}\\}", UPS).replaceAll("\\{\\{\\w+\\}\\}", "abc");
            HttpResponse<String> page = portal.page(opened, null);
            assertThat(page.headers().firstValue("Content-Type").orElse("text/html")).as(opened).startsWith("text/html");
            if (page.statusCode() == 303) {
                assertThat(page.headers().firstValue("Location").orElseThrow()).as(opened).startsWith("/login");
            } else {
                assertThat(page.statusCode()).as(opened).isIn(200, 400, 404, 410);
                assertThat(page.body()).as(opened).contains("<main id=\"main\">");
            }
            answers.add(path + " -> " + page.statusCode());
        }
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "mail links: " + answers);
    }

    /** The times of the rows, as the table shows them (each {@code <time datetime>}), in UTC. */
    private static List<String> rowTimes(String html) {
        List<String> times = new ArrayList<>();
        Matcher time = Pattern.compile("<time datetime=\"([^\"]+)\">").matcher(html);
        while (time.find()) {
            times.add(time.group(1));
        }
        return times;
    }

    private static List<String> rowTypes(String html) {
        List<String> types = new ArrayList<>();
        Matcher type = Pattern.compile("<td data-label=\"Event\">([^<]+)</td>").matcher(html);
        while (type.find()) {
            types.add(type.group(1));
        }
        return types;
    }

    /** The target of the link with {@code text}, as a browser reads it. */
    private static String href(String html, String text) {
        Matcher anchor = Pattern.compile("<a[^>]* href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>").matcher(html);
        assertThat(anchor.find()).as("a link %s", text).isTrue();
        return anchor.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
    }

    private void event(MqttClient device, String id, String type, Instant at, String details) throws Exception {
        SimulatedUpses.publish(device, UPS, "events", new JsonObject().put("eventId", id).put("type", type)
                .put("occurredAt", at.toString()).put("details", new JsonObject(details)).encode());
    }

    private int apiEvents(String token) {
        try {
            HttpResponse<String> page = portal.get("/api/v1/devices/" + UPS + "/events?limit=1000",
                    "Authorization", "Bearer " + token);
            return page.statusCode() == 200 ? new JsonObject(page.body()).getJsonArray("events").size() : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
