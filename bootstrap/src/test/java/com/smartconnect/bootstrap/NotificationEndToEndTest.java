package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static com.smartconnect.bootstrap.PortalClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.Plan;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event Notifications through the running server (embedded default: H2, the built-in MQTT endpoint) with simulated
 * devices (Paho), a moved clock and GreenMail: the free period's end notice and the fall to Basic; events of a
 * Standard device mailed, of a Basic device not; the throttle (7 events in 30 minutes: 6 mails and one alert, then
 * nothing, all logged); the alert's link; the 7 days; unsubscribing by the page and by the one-click post of RFC 8058;
 * and subscribing again in the settings. On the embedded default (H2) and on PostgreSQL.
 */
class NotificationEndToEndTest {

    private static final String EMAIL = "ada.lovelace@example.org";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String KEY = "7KQ2M9X4B1C8DZ";
    private static final String INTEGRATION_KEY = "store-key-0123456789abcdef0123456789";
    private static final String STANDARD = "AS2104123456";
    private static final String TRIAL = "AS2104123457";
    private static final Pattern LINK = Pattern.compile("https://portal\\.example\\.com(/notifications/[a-z]+\\?token=[A-Za-z0-9._~-]+)");

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger eventIds = new AtomicInteger();
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T09:00:00Z");

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void onTheEmbeddedDefault() throws Exception {
        anOwnerIsMailedAboutEventsOnTheirPlanAndProtectedFromFloods(builder -> builder);
    }

    @Test
    void onPostgres() throws Exception {
        Optional<TestDatabase> postgres = TestDatabases.freshPostgres();
        Assumptions.assumeTrue(postgres.isPresent(), "set smartconnect.test.postgres.url to run on PostgreSQL");
        try (TestDatabase database = postgres.get()) {
            anOwnerIsMailedAboutEventsOnTheirPlanAndProtectedFromFloods(builder -> builder
                    .dataSource(database.dataSource()).secretKey(new byte[32]));
        }
    }

    private void anOwnerIsMailedAboutEventsOnTheirPlanAndProtectedFromFloods(
            UnaryOperator<SmartConnectBuilder> database) throws Exception {
        Configuration configuration = client.configuration(dataDir, Map.of(
                "SMARTCONNECT_INTEGRATION_KEYS", "store=" + INTEGRATION_KEY,
                "SMARTCONNECT_DEVICE_OFFLINE_GRACE_MINUTES", "10080"));
        try (SmartConnect server = database.apply(SmartConnect.builder().clock(clock).configuration(configuration))
                .start()) {
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand("""
                    productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn
                    %s,%s,%s,SMT1500RMI2UC,SN-1,APCRBC159,2025-03-01,2028-03-01
                    %s,%s,%s,SMT1500RMI2UC,SN-2,APCRBC159,2025-03-01,2028-03-01
                    """.formatted(STANDARD, KEY, secret(STANDARD), TRIAL, KEY, secret(TRIAL))));
            int mqttPort = server.mqttPort().getAsInt();
            MqttClient standard = device(mqttPort, STANDARD);
            MqttClient trial = device(mqttPort, TRIAL);
            try {
                client.signUpAndVerify(server, EMAIL);
                String bearer = bearer(server);
                for (String ups : new String[] {STANDARD, TRIAL}) {
                    HttpResponse<String> registered = client.post(server, "/api/v1/devices",
                            "{\"productId\": \"" + ups + "\", \"productKey\": \"" + KEY + "\"}", "Authorization", bearer);
                    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
                }
                HttpResponse<String> named = client.sendJson(server, "PATCH", "/api/v1/devices/" + STANDARD,
                        "{\"name\": \"Rack 4\", \"timeZone\": \"Europe/Paris\"}", "Authorization", bearer);
                assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
                // The store sells the first UPS a Standard plan; the second stays in its free period.
                assertThat(integrationPut(server, STANDARD, "{\"plan\": \"STANDARD\", \"endsOn\": \"2028-12-31\"}")
                        .statusCode()).isEqualTo(200);
                JsonObject settings = settings(server, STANDARD);
                assertThat(settings.getJsonArray("notifications")).hasSize(1);
                JsonObject first = settings.getJsonArray("notifications").getJsonObject(0);
                assertThat(first.getJsonArray("recipients")).containsExactly(EMAIL);
                assertThat(first.getJsonArray("severities")).containsExactlyInAnyOrder("WARNING", "CRITICAL");
                // The events this test sends, by type: the clock moves by months, and a COMMUNICATION_LOST the
                // offline grace job may report meanwhile (a warning) must not count as a notification here.
                HttpResponse<String> saved = client.sendJson(server, "PUT", "/api/v1/devices/" + STANDARD
                        + "/notifications/" + first.getString("id"), "{\"recipients\": [\"" + EMAIL + "\"], "
                        + "\"severities\": [], \"eventTypes\": [\"ON_BATTERY\", \"OVER_TEMPERATURE\", \"OVERLOAD\", "
                        + "\"BATTERY_LOW\"], \"email\": true}", "Authorization", bearer);
                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
                int mails = client.mailsReceived();

                // 30 days before the free period ends: the "Upcoming changes" notice; after its end, Basic.
                clock.advance(Duration.between(clock.instant(), Instant.parse("2027-10-24T10:00:00Z")));
                server.plans().schedule().runDue();
                MimeMessage notice = client.awaitMail(++mails);
                assertThat(notice.getSubject()).isEqualTo("Upcoming changes to your SmartConnect account");
                assertThat(text(notice)).contains(TRIAL, "Basic Monitoring");
                clock.advance(Duration.ofDays(31));
                server.plans().schedule().runDue();
                assertThat(server.plans().query().planOf(new ProductId(TRIAL)).orElseThrow().plan()).isEqualTo(Plan.BASIC);
                assertThat(settings(server, TRIAL).getBoolean("sentOnPlan")).isFalse();
                assertThat(settings(server, TRIAL).getString("notice")).contains("Standard or Advanced plan");

                // An event of the Basic device is neither mailed nor shown in its log; one of the Standard device is mailed.
                event(trial, TRIAL, "ON_BATTERY");
                event(standard, STANDARD, "ON_BATTERY");
                MimeMessage mail = client.awaitMail(++mails);
                assertThat(mail.getSubject()).isEqualTo("Warning: On battery on Rack 4");
                assertThat(text(mail)).contains("Event Notification", "Rack 4", STANDARD, "(Europe/Paris)",
                        "https://portal.example.com/devices/events?productId=" + STANDARD,
                        "Unsubscribe from Email Event Notifications");
                assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith(
                        "<https://portal.example.com/notifications/unsubscribe?token=");
                assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
                String unsubscribe = link(mail, "unsubscribe");
                assertThat(events(server, TRIAL, "ON_BATTERY")).as("Basic: no new event-log entries").isZero();
                assertThat(events(server, STANDARD, "ON_BATTERY")).isEqualTo(1);
                quiet(mails);

                // The throttle: 7 events in 30 minutes give 6 mails and one alert; the 8th to 20th give nothing.
                clock.advance(Duration.ofHours(1));
                for (int i = 1; i <= 20; i++) {
                    event(standard, STANDARD, "OVER_TEMPERATURE");
                    // Small steps: the mail dispatcher gives up a batch it claimed once its clock moved a minute on.
                    clock.advance(Duration.ofSeconds(2));
                }
                MimeMessage alert = null;
                for (int i = 0; i < 7; i++) {
                    MimeMessage received = client.awaitMail(++mails);
                    if (received.getSubject().startsWith("Event Notifications Disabled")) {
                        assertThat(alert).as("one alert").isNull();
                        alert = received;
                    } else {
                        assertThat(received.getSubject()).isEqualTo("Warning: Over temperature on Rack 4");
                    }
                }
                assertThat(alert).isNotNull();
                assertThat(text(alert)).contains("over 6 notifications within 30 minutes", "disabled for 7 days",
                        "Enable Notifications");
                quiet(mails);
                assertThat(events(server, STANDARD, "OVER_TEMPERATURE")).as("all logged").isEqualTo(20);
                assertThat(settings(server, STANDARD).getString("disabledUntil")).isNotNull();

                // The alert's link: the page changes nothing, its button enables them at once.
                String enable = link(alert, "enable");
                HttpResponse<String> page = client.get(server, enable);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Enable Notifications");
                event(standard, STANDARD, "OVERLOAD");
                quiet(mails);
                HttpResponse<String> enabled = client.submitLinkPage(server, enable, "/notifications/enable",
                        token(enable));
                assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
                assertThat(enabled.body()).contains("enabled again")
                        .as("leads to the UPS's Email Notifications").contains("href=\"/devices/notifications?productId&#x3D;" + STANDARD + "\"");
                assertThat(settings(server, STANDARD).getValue("disabledUntil")).isNull();
                event(standard, STANDARD, "OVERLOAD");
                assertThat(client.awaitMail(++mails).getSubject()).isEqualTo("Critical: Overload on Rack 4");

                // A new flood disables them again; 7 days later they are back by themselves.
                for (int i = 0; i < 6; i++) {
                    event(standard, STANDARD, "OVERLOAD");
                }
                for (int i = 0; i < 6; i++) {
                    client.awaitMail(++mails);
                }
                assertThat(smtp.getReceivedMessages()).filteredOn(m -> subject(m).startsWith("Event Notifications Disabled"))
                        .hasSize(2);
                clock.advance(Duration.ofDays(7));
                server.notifications().reenable().reenableDue();
                event(standard, STANDARD, "OVERLOAD");
                assertThat(client.awaitMail(++mails).getSubject()).isEqualTo("Critical: Overload on Rack 4");

                // Unsubscribing: the page asks, its button unsubscribes; nothing more is mailed to the address.
                clock.advance(Duration.ofHours(1));
                HttpResponse<String> ask = client.get(server, unsubscribe);
                assertThat(ask.statusCode()).isEqualTo(200);
                assertThat(ask.body()).contains("Unsubscribe");
                assertThat(settings(server, STANDARD).getJsonArray("notifications").getJsonObject(0)
                        .getJsonArray("recipients")).as("the page alone changes nothing").containsExactly(EMAIL);
                HttpResponse<String> unsubscribed = client.submitLinkPage(server, unsubscribe,
                        "/notifications/unsubscribe", token(unsubscribe));
                assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
                assertThat(unsubscribed.body()).contains("no longer subscribed");
                event(standard, STANDARD, "BATTERY_LOW");

                // Subscribing again in the settings: a notification with the address.
                HttpResponse<String> created = client.post(server, "/api/v1/devices/" + STANDARD + "/notifications",
                        "{\"recipients\": [\"" + EMAIL + "\"], \"severities\": [], \"eventTypes\": [\"ON_BATTERY\"], "
                                + "\"email\": true}", "Authorization", bearer(server));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                event(standard, STANDARD, "ON_BATTERY");
                MimeMessage again = client.awaitMail(++mails);
                assertThat(again.getSubject()).as("the battery-low event was not mailed")
                        .isEqualTo("Warning: On battery on Rack 4");
                quiet(mails);

                // The one-click unsubscribe of a mail client (RFC 8058) posts to the List-Unsubscribe address.
                String oneClick = again.getHeader("List-Unsubscribe")[0];
                HttpResponse<String> clicked = http.send(HttpRequest.newBuilder(URI.create(oneClick
                                .substring(1, oneClick.length() - 1).replace("https://portal.example.com",
                                        "http://127.0.0.1:" + server.httpPort().getAsInt())))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
                settings(server, STANDARD).getJsonArray("notifications").forEach(n ->
                        assertThat(((JsonObject) n).getJsonArray("recipients")).isEmpty());
            } finally {
                for (MqttClient device : new MqttClient[] {standard, trial}) {
                    device.disconnectForcibly(100, 100);
                    device.close(true);
                }
            }
        }
    }

    private static String secret(String productId) {
        return "s3cret-of-" + productId + "-0123456789-abcdef";
    }

    private MqttClient device(int port, String productId) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, productId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(productId);
        options.setPassword(secret(productId).toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        device.setTimeToWait(10_000);
        device.connect(options);
        publish(device, productId, "birth", """
                {"model": "SMT1500RMI2UC", "serialNumber": "SN", "firmware": "UPS 15.5 / NMC 1.2",
                 "smartConnectEnabled": true, "outletGroups": ["MAIN"], "sentAt": "2026-11-23T09:00:00Z"}""");
        return device;
    }

    /** An event at the moved clock's time; returns when the server acknowledged it (stored, mails queued). */
    private void event(MqttClient device, String productId, String type) throws Exception {
        publish(device, productId, "events", new JsonObject().put("eventId", "e-" + eventIds.incrementAndGet())
                .put("type", type).put("occurredAt", clock.instant().toString()).encode());
    }

    private static void publish(MqttClient device, String productId, String kind, String json) throws Exception {
        SimulatedUpses.publish(device, productId, kind, json);
    }

    /**
     * A fresh login: the clock moves by hours and months here, past the sessions' idle and absolute limits.
     */
    private String bearer(SmartConnect server) throws Exception {
        return "Bearer " + field(client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD)).body(), "token");
    }

    private JsonObject settings(SmartConnect server, String productId) throws Exception {
        HttpResponse<String> read = client.get(server, "/api/v1/devices/" + productId + "/notifications",
                "Authorization", bearer(server));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return new JsonObject(read.body());
    }

    private int events(SmartConnect server, String productId, String type) throws Exception {
        HttpResponse<String> read = client.get(server, "/api/v1/devices/" + productId + "/events?limit=100&type=" + type,
                "Authorization", bearer(server));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return new JsonObject(read.body()).getJsonArray("events").size();
    }

    private HttpResponse<String> integrationPut(SmartConnect server, String productId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort().getAsInt()
                        + "/api/v1/integration/devices/" + productId + "/plan"))
                .header("Authorization", "Bearer " + INTEGRATION_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path of the mail's link to {@code /notifications/<page>}. */
    private static String link(MimeMessage mail, String page) throws Exception {
        Matcher matcher = LINK.matcher(text(mail));
        while (matcher.find()) {
            if (matcher.group(1).startsWith("/notifications/" + page + "?")) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + page + " link in " + text(mail));
    }

    private static String token(String path) {
        return path.substring(path.indexOf("token=") + "token=".length());
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** No mail beyond {@code expected} arrives within a few rounds of the mail dispatcher. */
    private void quiet(int expected) throws Exception {
        Thread.sleep(1_500);
        assertThat(client.mailsReceived()).isEqualTo(expected);
    }
}
