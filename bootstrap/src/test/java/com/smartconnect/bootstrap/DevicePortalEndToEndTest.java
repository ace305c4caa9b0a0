package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.domain.twofactor.Totp;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices and their owner through the running server (embedded default: H2, the built-in MQTT endpoint): simulated
 * devices (Paho) connect and send their births; the owner registers one by its codes, one by its QR code's URL and one
 * by a PNG of its QR code; sets the profile and the sensitivity, which the device receives and answers; reads the
 * status and the events; reboots an outlet group, refused until two-factor authentication is on; and deletes the
 * account, which frees the devices for another account.
 */
class DevicePortalEndToEndTest {

    private static final String EMAIL = "ada.lovelace@example.org";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String KEY = "7KQ2M9X4B1C8DZ";
    private static final String[] UPS = {"AS2104123456", "AS2104123457", "AS2104123458"};

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<MqttClient> devices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stop() throws Exception {
        for (MqttClient device : devices) {
            if (device.isConnected()) {
                device.disconnectForcibly(100, 100);
            }
            device.close(true);
        }
        smtp.stop();
    }

    private static String secret(String productId) {
        return "s3cret-of-" + productId + "-0123456789-abcdef";
    }

    @Test
    void anOwnerRegistersWatchesAndControlsTheirUpses() throws Exception {
        Configuration configuration = client.configuration(dataDir, Map.of());
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).start()) {
            StringBuilder csv = new StringBuilder(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n");
            for (String ups : UPS) {
                csv.append(ups).append(',').append(KEY).append(',').append(secret(ups))
                        .append(",SMT1500RMI2UC,SN-").append(ups).append(",APCRBC159,2023-03-01,2027-03-01\n");
            }
            assertThat(server.devices().importCatalog().importCatalog(new ImportCatalogCommand(csv.toString())))
                    .isEqualTo(new ImportCatalogResult.Imported(3, 0));
            int mqttPort = server.mqttPort().getAsInt();
            List<JsonObject> commands = new CopyOnWriteArrayList<>();
            MqttClient first = device(mqttPort, UPS[0], commands);

            client.signUpAndVerify(server, EMAIL);
            HttpResponse<String> login = client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD));
            String bearer = "Bearer " + field(login.body(), "token");

            // By the codes, as typed from the label.
            HttpResponse<String> byCodes = client.post(server, "/api/v1/devices",
                    "{\"productId\": \"as21-0412-3456\", \"productKey\": \"7KQ2 M9X4 B1C8 DZ\"}", "Authorization", bearer);
            assertThat(byCodes.statusCode()).as(byCodes.body()).isEqualTo(201);
            assertThat(new JsonObject(byCodes.body()).getBoolean("offerReseller")).isTrue();

            // By the QR code's URL: refused until the device has connected.
            String qrUrl = "https://portal.example.com/devices/register?productId=" + UPS[1] + "&productKey=" + KEY;
            HttpResponse<String> tooEarly = client.post(server, "/api/v1/devices",
                    new JsonObject().put("qrUrl", qrUrl).encode(), "Authorization", bearer);
            assertThat(tooEarly.statusCode()).isEqualTo(409);
            assertThat(tooEarly.body()).contains("DEVICE_NEVER_CONNECTED", "Please allow 4-5 minutes");
            device(mqttPort, UPS[1], new CopyOnWriteArrayList<>());
            HttpResponse<String> byUrl = client.post(server, "/api/v1/devices",
                    new JsonObject().put("qrUrl", qrUrl).encode(), "Authorization", bearer);
            assertThat(byUrl.statusCode()).as(byUrl.body()).isEqualTo(201);

            // By a photo of the QR code.
            device(mqttPort, UPS[2], new CopyOnWriteArrayList<>());
            HttpResponse<String> byPhoto = postPhoto(server, qrPng("https://portal.example.com/devices/register?productKey="
                    + KEY + "&productId=" + UPS[2]), bearer);
            assertThat(byPhoto.statusCode()).as(byPhoto.body()).isEqualTo(201);
            assertThat(new JsonObject(client.get(server, "/api/v1/devices", "Authorization", bearer).body())
                    .getJsonArray("devices")).hasSize(3);

            // The UPS profile and the sensitivity, which the device receives and answers.
            HttpResponse<String> profile = client.sendJson(server, "PATCH", "/api/v1/devices/" + UPS[0],
                    "{\"name\": \"Rack 4\", \"description\": \"Server room\", \"timeZone\": \"Europe/Paris\", "
                            + "\"notifications\": true}", "Authorization", bearer);
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            HttpResponse<String> sensitivity = client.sendJson(server, "PUT", "/api/v1/devices/" + UPS[0] + "/sensitivity",
                    "{\"sensitivity\": \"LOW\"}", "Authorization", bearer);
            assertThat(sensitivity.statusCode()).as(sensitivity.body()).isEqualTo(202);
            String sensitivityCommand = field(sensitivity.body(), "commandId");
            eventually(() -> commands.size() == 1);
            assertThat(commands.get(0).getString("type")).isEqualTo("SET_SENSITIVITY");
            assertThat(commands.get(0).getString("sensitivity")).isEqualTo("LOW");
            ack(first, UPS[0], sensitivityCommand, "OK");
            eventually(() -> commandState(server, bearer, UPS[0], sensitivityCommand).equals("ok"));

            // The status page and the event log.
            JsonObject status = new JsonObject(client.get(server, "/api/v1/devices/" + UPS[0], "Authorization", bearer).body());
            assertThat(status.getString("name")).isEqualTo("Rack 4");
            assertThat(status.getString("sensitivity")).isEqualTo("LOW");
            assertThat(status.getBoolean("online")).isTrue();
            assertThat(status.getString("firmware")).isEqualTo("UPS 15.5 / NMC 1.2");
            assertThat(status.getJsonObject("status").getInteger("batteryChargePercent")).isEqualTo(95);
            assertThat(status.getString("warrantyEndsOn")).isEqualTo("2027-03-01");
            assertThat(status.getValue("plan")).as("registered: its free monitoring period").isEqualTo("FREE_PERIOD");
            JsonObject events = new JsonObject(client.get(server, "/api/v1/devices/" + UPS[0] + "/events",
                    "Authorization", bearer).body());
            assertThat(events.getJsonArray("events")).hasSize(1);
            assertThat(events.getJsonArray("events").getJsonObject(0).getString("type")).isEqualTo("ON_BATTERY");
            assertThat(events.getJsonArray("events").getJsonObject(0).getString("occurredAtLocal"))
                    .isEqualTo("2026-11-20T09:17:02+01:00");

            // Remote outlet reboot: refused without two-factor authentication, done with it.
            String reboot = "/api/v1/devices/" + UPS[0] + "/outlet-groups/SOG1/reboot";
            HttpResponse<String> refused = client.post(server, reboot, "", "Authorization", bearer);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("TWO_FACTOR_REQUIRED", "remotely reboot your UPS device's outlet groups");
            HttpResponse<String> started = client.post(server, "/api/v1/me/two-factor/enrolment",
                    "{\"method\": \"TOTP\"}", "Authorization", bearer);
            String totpSecret = field(started.body(), "secret");
            int mailsBeforeTwoFactor = client.mailsReceived();
            HttpResponse<String> confirmed = client.post(server, "/api/v1/me/two-factor/enrolment/confirmation",
                    "{\"code\": \"" + new RfcTotp().codeForBase32(totpSecret, Totp.stepAt(Instant.now())) + "\"}",
                    "Authorization", bearer);
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            client.awaitMail(mailsBeforeTwoFactor + 1);
            HttpResponse<String> rebooting = client.post(server, reboot, "", "Authorization", bearer);
            assertThat(rebooting.statusCode()).as(rebooting.body()).isEqualTo(202);
            String rebootCommand = field(rebooting.body(), "commandId");
            eventually(() -> commands.size() == 2);
            assertThat(commands.get(1).getString("type")).isEqualTo("REBOOT_OUTLET_GROUP");
            assertThat(commands.get(1).getString("outletGroup")).isEqualTo("SOG1");
            eventually(() -> commandState(server, bearer, UPS[0], rebootCommand).equals("delivered"));
            ack(first, UPS[0], rebootCommand, "OK");
            eventually(() -> commandState(server, bearer, UPS[0], rebootCommand).equals("ok"));

            // Deleting the account frees its devices: someone else may register them now.
            int mailsBefore = client.mailsReceived();
            HttpResponse<String> deleted = client.sendJson(server, "DELETE", "/api/v1/me", "{\"password\": \""
                    + PASSWORD + "\", \"code\": \"" + new RfcTotp().codeForBase32(totpSecret,
                    Totp.stepAt(Instant.now()) + 1) + "\"}", "Authorization", bearer);
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            client.awaitMail(mailsBefore + 1);
            client.signUpAndVerify(server, "grace.hopper@example.org");
            String grace = "Bearer " + field(client.post(server, "/api/v1/sessions",
                    credentials("grace.hopper@example.org", PASSWORD)).body(), "token");
            HttpResponse<String> again = client.post(server, "/api/v1/devices",
                    "{\"productId\": \"" + UPS[0] + "\", \"productKey\": \"" + KEY + "\"}", "Authorization", grace);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(new JsonObject(again.body()).getJsonObject("device").containsKey("name"))
                    .as("a new registration, without the old owner's profile").isFalse();
        }
    }

    /** A simulated UPS: connects, subscribes to its commands, sends its birth, a status and an event (QoS 1). */
    private MqttClient device(int port, String productId, List<JsonObject> commands) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, productId, new MemoryPersistence());
        devices.add(device);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(productId);
        options.setPassword(secret(productId).toCharArray());
        options.setAutomaticReconnect(false);
        device.setTimeToWait(10_000);
        device.connect(options);
        device.subscribe("ups/" + productId + "/commands", 1,
                (topic, message) -> commands.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8))));
        publish(device, productId, "birth", """
                {"model": "SMT1500RMI2UC", "serialNumber": "SN", "firmware": "UPS 15.5 / NMC 1.2",
                 "smartConnectEnabled": true, "batterySku": "APCRBC159", "batteryInstalledOn": "2023-03-01",
                 "outletGroups": ["MAIN", "SOG1", "SOG2"], "sentAt": "2026-11-20T08:15:30Z"}""");
        publish(device, productId, "status", """
                {"seq": 1, "sentAt": "2026-11-20T08:16:30Z", "status": ["OB", "DISCHRG"], "batteryChargePercent": 95}""");
        publish(device, productId, "events", """
                {"eventId": "e-1", "type": "ON_BATTERY", "occurredAt": "2026-11-20T08:17:02Z"}""");
        return device;
    }

    private static void publish(MqttClient device, String productId, String kind, String json) throws Exception {
        SimulatedUpses.publish(device, productId, kind, json);
    }

    private static void ack(MqttClient device, String productId, String commandId, String result) throws Exception {
        publish(device, productId, "acks", new JsonObject().put("commandId", commandId).put("result", result)
                .put("sentAt", "2026-11-20T08:20:00Z").encode());
    }

    private String commandState(SmartConnect server, String bearer, String productId, String commandId) {
        try {
            return field(client.get(server, "/api/v1/devices/" + productId + "/commands/" + commandId,
                    "Authorization", bearer).body(), "state");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> postPhoto(SmartConnect server, byte[] png, String bearer) throws Exception {
        String boundary = "----label-photo";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"label.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort().getAsInt()
                        + "/api/v1/devices/label-photo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The QR code of a label, as a PNG (ZXing's writer, drawn with javax.imageio). */
    private static byte[] qrPng(String text) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
