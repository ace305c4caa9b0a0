package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status history through the running server (embedded default: H2, the built-in MQTT endpoint): a simulated UPS
 * (Paho) sends statuses as the clock moves, and its owner reads them back as the charts' buckets from
 * {@code GET /api/v1/devices/{productId}/history}, five-minute ones for the last day and hourly ones, rolled up by the
 * status-history job, beyond; another account does not see the device.
 */
class StatusHistoryEndToEndTest {

    private static final String UPS = "AS2104123456";
    private static final String KEY = "7KQ2M9X4B1C8DZ";
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";
    private static final String PASSWORD = "Tr1angle!Sky";

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private MqttClient device;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stop() throws Exception {
        if (device != null) {
            if (device.isConnected()) {
                device.disconnectForcibly(100, 100);
            }
            device.close(true);
        }
        smtp.stop();
    }

    @Test
    void theOwnerReadsTheStatusesOfTheirUpsAsBucketsAndAnotherAccountDoesNotSeeThem() throws Exception {
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
        try (SmartConnect server = SmartConnect.builder().clock(clock)
                .configuration(client.configuration(dataDir, Map.of())).start()) {
            assertThat(server.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + UPS + "," + KEY + "," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n")))
                    .isEqualTo(new ImportCatalogResult.Imported(1, 0));
            device = connect(server.mqttPort().getAsInt());
            publish("birth", """
                    {"model": "SMT1500RMI2UC", "smartConnectEnabled": true, "sentAt": "2026-11-20T07:59:30Z"}""");
            eventually(() -> server.devices().query().state(new ProductId(UPS)).flatMap(s -> s.lastBirth()).isPresent());

            client.signUpAndVerify(server, "ada.lovelace@example.org");
            client.signUpAndVerify(server, "bob.stranger@example.org");
            String ada = login(server, "ada.lovelace@example.org");
            HttpResponse<String> registered = client.post(server, "/api/v1/devices",
                    "{\"productId\": \"" + UPS + "\", \"productKey\": \"" + KEY + "\"}", "Authorization", ada);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            assertThat(client.sendJson(server, "PATCH", "/api/v1/devices/" + UPS, "{\"timeZone\": \"Europe/Paris\"}",
                    "Authorization", ada).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(4));
            status(1, "2026-11-20T08:01:00Z", 90, 20.0, 230.0);
            status(2, "2026-11-20T08:04:59Z", 80, 40.0, 226.0);
            clock.advance(Duration.ofMinutes(3));
            status(3, "2026-11-20T08:05:00Z", 70, 60.0, 0.0);
            status(4, "2026-11-20T09:30:00Z", 60, 30.0, 0.0);

            // Four statuses in: the last one was sent from a clock ahead and counts at the server's time, 08:07.
            String owner = ada;
            eventually(() -> counted(server, owner) == 4);
            JsonObject day = history(server, ada, "24h").getJsonObject("body");
            assertThat(day.getString("range")).isEqualTo("24h");
            assertThat(day.getInteger("bucketMinutes")).isEqualTo(5);
            assertThat(day.getString("timeZone")).isEqualTo("Europe/Paris");
            JsonArray buckets = day.getJsonArray("buckets");
            assertThat(buckets).hasSize(2);
            JsonObject first = buckets.getJsonObject(0);
            assertThat(first.getString("start")).isEqualTo("2026-11-20T08:00:00Z");
            assertThat(first.getJsonObject("batteryChargePercent").getMap())
                    .isEqualTo(Map.of("min", 80.0, "mean", 85.0, "max", 90.0, "count", 2));
            assertThat(first.getJsonObject("inputVoltage").getMap())
                    .isEqualTo(Map.of("min", 226.0, "mean", 228.0, "max", 230.0, "count", 2));
            JsonObject second = buckets.getJsonObject(1);
            assertThat(second.getString("start")).isEqualTo("2026-11-20T08:05:00Z");
            assertThat(second.getJsonObject("loadPercent").getMap())
                    .isEqualTo(Map.of("min", 30.0, "mean", 45.0, "max", 60.0, "count", 2));
            assertThat(second.getJsonObject("batteryRuntimeSeconds")).as("not reported").isNull();

            // Past the hour and its five late minutes, the job rolls the hour up; the week's chart reads it.
            clock.advance(Duration.ofMinutes(58));
            Job job = server.jobs().stream().filter(j -> j.name().equals("status-history")).findFirst().orElseThrow();
            assertThat(job.runDue()).isEqualTo(1);
            ada = login(server, "ada.lovelace@example.org");
            JsonObject week = history(server, ada, "7d").getJsonObject("body");
            assertThat(week.getInteger("bucketMinutes")).isEqualTo(60);
            assertThat(week.getJsonArray("buckets")).singleElement().satisfies(hour -> {
                JsonObject json = (JsonObject) hour;
                assertThat(json.getString("start")).isEqualTo("2026-11-20T08:00:00Z");
                assertThat(json.getJsonObject("batteryChargePercent").getMap())
                        .isEqualTo(Map.of("min", 60.0, "mean", 75.0, "max", 90.0, "count", 4));
            });

            String bob = login(server, "bob.stranger@example.org");
            HttpResponse<String> stranger = client.get(server, "/api/v1/devices/" + UPS + "/history?range=24h",
                    "Authorization", bob);
            assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(404);
            assertThat(stranger.body()).doesNotContain("batteryChargePercent");
        }
    }

    private String login(SmartConnect server, String email) throws Exception {
        HttpResponse<String> login = client.post(server, "/api/v1/sessions", credentials(email, PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        return "Bearer " + field(login.body(), "token");
    }

    /** The status and body of a history request, as one object. */
    private JsonObject history(SmartConnect server, String bearer, String range) throws Exception {
        HttpResponse<String> response = client.get(server, "/api/v1/devices/" + UPS + "/history?range=" + range,
                "Authorization", bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject().put("body", new JsonObject(response.body()));
    }

    /** How many battery charges the last day's buckets count. */
    private int counted(SmartConnect server, String bearer) {
        JsonObject history;
        try {
            history = history(server, bearer, "24h");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int count = 0;
        for (Object bucket : history.getJsonObject("body").getJsonArray("buckets")) {
            JsonObject charge = ((JsonObject) bucket).getJsonObject("batteryChargePercent");
            count += charge == null ? 0 : charge.getInteger("count");
        }
        return count;
    }

    private void status(int seq, String sentAt, int charge, double load, double inputVoltage) throws Exception {
        JsonObject status = new JsonObject().put("seq", seq).put("sentAt", sentAt).put("status", new JsonArray().add("OL"))
                .put("batteryChargePercent", charge).put("loadPercent", load);
        if (inputVoltage > 0) {
            status.put("inputVoltage", inputVoltage);
        }
        publish("status", status.encode());
    }

    private MqttClient connect(int port) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, UPS, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(UPS);
        options.setPassword(SECRET.toCharArray());
        options.setAutomaticReconnect(false);
        client.setTimeToWait(10_000);
        client.connect(options);
        return client;
    }

    private void publish(String kind, String json) throws Exception {
        SimulatedUpses.publish(device, UPS, kind, json);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
