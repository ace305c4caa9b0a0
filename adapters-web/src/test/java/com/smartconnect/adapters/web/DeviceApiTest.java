package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device pages over a real socket: registration by codes, QR URL and photo, profile, status, events, commands. */
class DeviceApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String GRACE = "grace@example.com";
    private static final String UPS = "AS2104123456";
    private static final String DEVICES = "/api/v1/devices";

    private WebApiFixture web;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.verifiedAccount(ADA, "Ada");
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private Answer register(String token, String productId, String productKey) {
        return web.as(token, "POST", DEVICES, new JsonObject().put("productId", productId).put("productKey", productKey));
    }

    @Test
    void aConnectedUpsIsRegisteredByItsCodesAsPeopleTypeThem() {
        web.connectedDevice(UPS);

        Answer registered = register(ada, " as21-0412 3456 ", "7kq2-m9x4-b1c8-dz");

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().getBoolean("offerReseller")).isTrue();
        JsonObject device = registered.json().getJsonObject("device");
        assertThat(device.getString("productId")).isEqualTo(UPS);
        assertThat(device.getString("access")).isEqualTo("owner");
        assertThat(device.getString("model")).isEqualTo("SMT1500RMI2UC");
        assertThat(device.getString("firmware")).isEqualTo("UPS 15.5 / NMC 1.2");
        assertThat(device.getBoolean("online")).isTrue();
        assertThat(device.getString("batteryReplaceBy")).isEqualTo("2027-03-01");
        assertThat(device.getString("warrantyEndsOn")).isEqualTo("2027-03-01");
        assertThat(device.containsKey("plan")).isTrue();
        assertThat(device.getValue("plan")).as("a new registration's free monitoring period").isEqualTo("FREE_PERIOD");
        assertThat(device.getJsonObject("status").getJsonArray("flags")).isEqualTo(new JsonArray().add("OL").add("CHRG"));
        assertThat(device.getJsonObject("status").getInteger("batteryChargePercent")).isEqualTo(96);
        assertThat(device.getJsonArray("outletGroups")).isEqualTo(new JsonArray().add("MAIN").add("SOG1").add("SOG2"));

        Answer again = register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        assertThat(again.status()).as("registering one's own device again changes nothing").isEqualTo(201);
        assertThat(web.as(ada, "GET", DEVICES, null).json().getJsonArray("devices")).hasSize(1);
    }

    @Test
    void malformedCodesNameTheirField() {
        Answer shortId = register(ada, "AS21", WebApiFixture.PRODUCT_KEY);
        assertProblem(shortId, 400, "INVALID_PRODUCT_ID");
        assertThat(shortId.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("productId");
        assertProblem(register(ada, UPS, "7KQ2M9X4B1C8D!"), 400, "INVALID_PRODUCT_KEY");
        Answer both = register(ada, "", "");
        assertProblem(both, 400, "VALIDATION_FAILED");
        assertThat(both.json().getJsonArray("errors")).hasSize(2);
        assertProblem(web.as(ada, "POST", DEVICES, new JsonObject().put("qrUrl", "https://example.org/other")), 400,
                "INVALID_QR_URL");
    }

    @Test
    void unknownIdAndWrongKeyGetOneAnswerAndRepeatedFailuresWait() {
        web.connectedDevice(UPS);
        Answer unknown = register(ada, "ZZ9999999999", WebApiFixture.PRODUCT_KEY);
        Answer wrongKey = register(ada, UPS, "00000000000000");
        assertProblem(unknown, 400, "DEVICE_NOT_RECOGNISED");
        assertProblem(wrongKey, 400, "DEVICE_NOT_RECOGNISED");
        assertThat(unknown.json().getString("detail")).isEqualTo(wrongKey.json().getString("detail"));
        for (int i = 0; i < 3; i++) {
            register(ada, UPS, "00000000000000");
        }
        Answer throttled = register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        assertProblem(throttled, 429, "DEVICE_REGISTRATION_THROTTLED");
        assertThat(throttled.header("Retry-After")).isEqualTo("900");
        web.clock.advance(Duration.ofMinutes(15));
        assertThat(register(ada, UPS, WebApiFixture.PRODUCT_KEY).status()).isEqualTo(201);
    }

    @Test
    void aUpsThatNeverConnectedOrHasSmartConnectOffCannotBeRegisteredYet() {
        web.connectedDevice(UPS);
        ProductId silent = new ProductId("AS2104000001");
        web.connectedDevice(silent.value());
        web.deviceStates.recordBirth(silent, new com.smartconnect.domain.device.DeviceBirth("SMT1500RMI2UC",
                Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(),
                web.clock.instant().plusSeconds(1)));
        web.deviceCatalog.save(com.smartconnect.domain.device.CatalogEntry.manufactured(new ProductId("AS2104000002"),
                new com.smartconnect.domain.device.ProductKey(WebApiFixture.PRODUCT_KEY),
                new com.smartconnect.domain.device.DeviceSecret("s3cret-of-the-device-0123456789-abcdef"), "SMT750",
                "SN2", "RBC7", java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2026, 1, 1)));

        Answer never = register(ada, "AS2104000002", WebApiFixture.PRODUCT_KEY);
        assertProblem(never, 409, "DEVICE_NEVER_CONNECTED");
        assertThat(never.json().getString("detail")).isEqualTo("Please allow 4-5 minutes after you connect your "
                + "SmartConnect-compatible UPS before attempting to register your device.");
        Answer disabled = register(ada, silent.value(), WebApiFixture.PRODUCT_KEY);
        assertProblem(disabled, 409, "SMARTCONNECT_NOT_ENABLED");
        assertThat(disabled.json().getString("detail")).contains("enable it");
    }

    @Test
    void aUpsRegisteredToAnotherAccountIsRefusedInThePortalsWords() {
        web.connectedDevice(UPS);
        assertThat(register(ada, UPS, WebApiFixture.PRODUCT_KEY).status()).isEqualTo(201);
        web.verifiedAccount("bob@example.com", "Bob");
        String bob = web.logIn("bob@example.com", PASSWORD).json().getString("token");

        Answer refused = register(bob, UPS, WebApiFixture.PRODUCT_KEY);

        assertProblem(refused, 409, "DEVICE_REGISTERED_TO_ANOTHER_ACCOUNT");
        assertThat(refused.json().getString("detail")).startsWith("The UPS device you are adding cannot be associated "
                + "with another account");
        assertProblem(web.as(bob, "GET", DEVICES + "/" + UPS, null), 404, "DEVICE_NOT_FOUND");
    }

    @Test
    void aUpsIsRegisteredByItsQrUrlAndByAPhotoOfItsLabel() {
        web.connectedDevice(UPS);
        web.connectedDevice("AS2104000003");

        Answer byUrl = web.as(ada, "POST", DEVICES, new JsonObject().put("qrUrl", WebApiFixture.qrUrl(UPS)));
        assertThat(byUrl.status()).as(byUrl.body()).isEqualTo(201);
        Answer byPhoto = web.postPhoto(DEVICES + "/label-photo", WebApiFixture.qrPng(WebApiFixture.qrUrl("AS2104000003")),
                "image/png", "Authorization", "Bearer " + ada);
        assertThat(byPhoto.status()).as(byPhoto.body()).isEqualTo(201);
        assertThat(byPhoto.json().getJsonObject("device").getString("productId")).isEqualTo("AS2104000003");

        assertProblem(web.postPhoto(DEVICES + "/label-photo", WebApiFixture.qrPng("hello"), "image/png",
                "Authorization", "Bearer " + ada), 400, "INVALID_QR_URL");
        byte[] blank = WebApiFixture.qrPng("x");
        java.util.Arrays.fill(blank, 60, blank.length - 20, (byte) 0);
        Answer unreadable = web.postPhoto(DEVICES + "/label-photo", blank, "image/png", "Authorization", "Bearer " + ada);
        assertProblem(unreadable, 400, "LABEL_PHOTO_UNREADABLE");
        assertProblem(web.postPhoto(DEVICES + "/label-photo", "GIF89a".getBytes(), "image/gif", "Authorization",
                "Bearer " + ada), 415, "UNSUPPORTED_PHOTO_TYPE");
        assertProblem(web.postPhoto(DEVICES + "/label-photo", WebApiFixture.qrPng(WebApiFixture.qrUrl(UPS)),
                "image/png"), 401, "NOT_AUTHENTICATED");
        assertThat(web.as(ada, "GET", DEVICES, null).json().getJsonArray("devices")).hasSize(2);
    }

    @Test
    void aJpegPhotoOfTheLabelIsReadWhereverTheCodeIsInThePicture() throws Exception {
        web.connectedDevice(UPS);
        java.awt.image.BufferedImage code = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                WebApiFixture.qrPng(WebApiFixture.qrUrl(UPS))));
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1600, 1200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D label = photo.createGraphics();
        label.setColor(new java.awt.Color(0xDDDDD0));
        label.fillRect(0, 0, 1600, 1200);
        label.setColor(java.awt.Color.WHITE);
        label.fillRect(700, 300, 700, 700);
        label.drawImage(code, 900, 500, 300, 300, null);
        label.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "jpg", jpeg);

        Answer registered = web.postPhoto(DEVICES + "/label-photo", jpeg.toByteArray(), "image/jpeg",
                "Authorization", "Bearer " + ada);

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().getJsonObject("device").getString("productId")).isEqualTo(UPS);
        Answer bare = web.send("POST", DEVICES + "/label-photo", "image/png", "not a png",
                "Authorization", "Bearer " + ada);
        assertProblem(bare, 415, "UNSUPPORTED_PHOTO_TYPE");
    }

    @Test
    void theOwnerSetsTheProfileAndSensitivityAndCoworkersOnlyRead() {
        web.connectedDevice(UPS);
        register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        String grace = coworker();

        Answer profile = web.as(ada, "PATCH", DEVICES + "/" + UPS, new JsonObject().put("name", "Rack 4 UPS")
                .put("description", "Server room").put("timeZone", "Europe/Paris").put("notifications", false));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.json().getString("name")).isEqualTo("Rack 4 UPS");
        assertThat(profile.json().getString("timeZone")).isEqualTo("Europe/Paris");
        assertThat(profile.json().getBoolean("notifications")).isFalse();
        Answer badZone = web.as(ada, "PATCH", DEVICES + "/" + UPS, new JsonObject().put("timeZone", "Mars/Olympus"));
        assertProblem(badZone, 400, "VALIDATION_FAILED");
        assertThat(badZone.json().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("INVALID_TIME_ZONE");

        Answer sensitivity = web.as(ada, "PUT", DEVICES + "/" + UPS + "/sensitivity",
                new JsonObject().put("sensitivity", "LOW"));
        assertThat(sensitivity.status()).as(sensitivity.body()).isEqualTo(202);
        assertThat(sensitivity.json().getString("state")).isEqualTo("pending");
        assertThat(sensitivity.json().getString("sensitivity")).isEqualTo("LOW");
        String commandId = sensitivity.json().getString("commandId");
        assertThat(web.as(ada, "GET", DEVICES + "/" + UPS + "/commands/" + commandId, null).json().getString("state"))
                .isEqualTo("pending");
        assertProblem(web.as(ada, "PUT", DEVICES + "/" + UPS + "/sensitivity", new JsonObject().put("sensitivity", "MAX")),
                400, "INVALID_SENSITIVITY");

        Answer graceSees = web.as(grace, "GET", DEVICES + "/" + UPS, null);
        assertThat(graceSees.status()).as(graceSees.body()).isEqualTo(200);
        assertThat(graceSees.json().getString("access")).isEqualTo("coworker");
        assertThat(graceSees.json().getString("sensitivity")).isEqualTo("LOW");
        assertThat(web.as(grace, "GET", DEVICES, null).json().getJsonArray("devices")).hasSize(1);
        assertThat(web.as(grace, "GET", DEVICES + "/" + UPS + "/commands/" + commandId, null).status()).isEqualTo(200);
        assertProblem(web.as(grace, "PATCH", DEVICES + "/" + UPS, new JsonObject().put("name", "Mine")), 403,
                "NOT_DEVICE_OWNER");
        assertProblem(web.as(grace, "PUT", DEVICES + "/" + UPS + "/sensitivity", new JsonObject().put("sensitivity", "HIGH")),
                403, "NOT_DEVICE_OWNER");
        assertProblem(web.as(grace, "DELETE", DEVICES + "/" + UPS, null), 403, "NOT_DEVICE_OWNER");
        assertProblem(web.as(grace, "POST", DEVICES + "/" + UPS + "/outlet-groups/SOG1/reboot", null), 403,
                "NOT_DEVICE_OWNER");

        assertThat(web.as(ada, "DELETE", DEVICES + "/" + UPS, null).status()).isEqualTo(204);
        assertProblem(web.as(ada, "GET", DEVICES + "/" + UPS, null), 404, "DEVICE_NOT_FOUND");
        assertThat(register(grace, UPS, WebApiFixture.PRODUCT_KEY).status()).as("free to register again").isEqualTo(201);
    }

    @Test
    void rebootingAnOutletGroupNeedsTwoFactorAuthentication() {
        web.connectedDevice(UPS);
        register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        String reboot = DEVICES + "/" + UPS + "/outlet-groups/SOG1/reboot";

        Answer refused = web.as(ada, "POST", reboot, null);
        assertProblem(refused, 403, "TWO_FACTOR_REQUIRED");
        assertThat(refused.json().getString("detail")).contains("This must be enabled in the web portal to remotely "
                .replace("This must be enabled", "must be enabled"))
                .contains("remotely reboot your UPS device's outlet groups");

        String secret = web.as(ada, "POST", "/api/v1/me/two-factor/enrolment", new JsonObject().put("method", "TOTP"))
                .json().getString("secret");
        assertThat(web.as(ada, "POST", "/api/v1/me/two-factor/enrolment/confirmation",
                new JsonObject().put("code", web.totpNow(secret))).status()).isEqualTo(200);

        assertProblem(web.as(ada, "POST", DEVICES + "/" + UPS + "/outlet-groups/SOG9/reboot", null), 400,
                "UNKNOWN_OUTLET_GROUP");
        Answer rebooting = web.as(ada, "POST", reboot, null);
        assertThat(rebooting.status()).as(rebooting.body()).isEqualTo(202);
        assertThat(rebooting.json().getString("outletGroup")).isEqualTo("SOG1");
        assertThat(rebooting.json().getString("type")).isEqualTo("REBOOT_OUTLET_GROUP");
        String commandId = rebooting.json().getString("commandId");
        web.deviceCommands.settle(new ProductId(UPS), commandId, DeviceCommandState.OK, Optional.of("rebooted"),
                web.clock.instant());
        Answer settled = web.as(ada, "GET", DEVICES + "/" + UPS + "/commands/" + commandId, null);
        assertThat(settled.json().getString("state")).isEqualTo("ok");
        assertThat(settled.json().getString("message")).isEqualTo("rebooted");
        assertProblem(web.as(ada, "GET", DEVICES + "/" + UPS + "/commands/nope", null), 404, "COMMAND_NOT_FOUND");
    }

    @Test
    void theHistoryAnswersTheBucketsOfTheRangeAndTheTimesOnBatteryOnlyToThoseWhoSeeTheDevice() {
        web.connectedDevice(UPS);
        register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        web.as(ada, "PATCH", DEVICES + "/" + UPS, new JsonObject().put("timeZone", "Europe/Paris"));
        ProductId ups = new ProductId(UPS);
        var recorder = new com.smartconnect.application.device.StatusHistoryRecorder(web.clock,
                com.smartconnect.domain.device.StatusHistoryPolicy.DEFAULT, web.statusHistory,
                new com.smartconnect.application.fake.DirectTransactions());
        java.time.Instant registered = web.clock.instant();
        // Two statuses a minute apart in each of the first minutes after the registration, then one an hour later.
        for (int minute : new int[] {1, 2, 6, 62}) {
            java.time.Instant at = registered.plus(Duration.ofMinutes(minute));
            web.clock.advance(Duration.between(web.clock.instant(), at));
            recorder.record(List.of(new com.smartconnect.application.device.StatusHistoryRecorder.Reported(ups,
                    new com.smartconnect.domain.device.DeviceStatus(Optional.empty(), at, List.of("OL"),
                            Optional.of(100 - minute), Optional.of(3600), Optional.of(40.0 + minute), Optional.empty(),
                            Optional.empty(), Optional.empty()))), at);
        }
        // Written as at shutdown: this fixture's charts read the repository only.
        recorder.flushAll();
        web.deviceEvents.add(DeviceEvent.reported(ups, "ob", "ON_BATTERY", registered.plus(Duration.ofMinutes(3)),
                registered.plus(Duration.ofMinutes(3)), "{}"));
        web.deviceEvents.add(DeviceEvent.reported(ups, "pr", "POWER_RESTORED", registered.plus(Duration.ofMinutes(9)),
                registered.plus(Duration.ofMinutes(9)), "{}"));
        String history = DEVICES + "/" + UPS + "/history";
        // An hour went by: the session is idle for longer than it lasts.
        ada = web.logIn(ADA, PASSWORD).json().getString("token");

        Answer day = web.as(ada, "GET", history, null);
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json().getString("range")).isEqualTo("24h");
        assertThat(day.json().getInteger("bucketMinutes")).isEqualTo(5);
        assertThat(day.json().getString("timeZone")).isEqualTo("Europe/Paris");
        JsonArray buckets = day.json().getJsonArray("buckets");
        assertThat(buckets).hasSize(3);
        JsonObject first = buckets.getJsonObject(0);
        assertThat(first.getString("start")).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(first.getJsonObject("batteryChargePercent")).isEqualTo(new JsonObject().put("min", 98.0)
                .put("mean", 98.5).put("max", 99.0).put("count", 2));
        assertThat(first.containsKey("inputVoltage")).as("no status reported it").isFalse();
        assertThat(buckets.getJsonObject(2).getString("start")).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(day.json().getJsonArray("onBattery")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("from", "2026-11-20T08:03:00Z").put("to", "2026-11-20T08:09:00Z")));

        Answer week = web.as(ada, "GET", history + "?range=7d", null);
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        assertThat(week.json().getInteger("bucketMinutes")).isEqualTo(60);
        JsonArray hours = week.json().getJsonArray("buckets");
        assertThat(hours).as("the hours not rolled up yet, from their five-minute buckets").hasSize(2);
        assertThat(hours.getJsonObject(0).getJsonObject("loadPercent")).isEqualTo(new JsonObject().put("min", 41.0)
                .put("mean", 43.0).put("max", 46.0).put("count", 3));

        assertProblem(web.as(ada, "GET", history + "?range=1y", null), 400, "VALIDATION_FAILED");
        String grace = coworker();
        assertThat(web.as(grace, "GET", history + "?range=90d", null).status()).isEqualTo(200);
        web.verifiedAccount("bob@example.com", "Bob");
        String bob = web.logIn("bob@example.com", PASSWORD).json().getString("token");
        assertProblem(web.as(bob, "GET", history, null), 404, "DEVICE_NOT_FOUND");
    }

    @Test
    void theEventLogIsReadNewestFirstByPagesInTheDevicesTimeZoneAndExportedAsCsv() {
        web.connectedDevice(UPS);
        register(ada, UPS, WebApiFixture.PRODUCT_KEY);
        web.as(ada, "PATCH", DEVICES + "/" + UPS, new JsonObject().put("timeZone", "America/New_York"));
        java.time.Instant t0 = java.time.Instant.parse("2026-11-20T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            web.deviceEvents.add(DeviceEvent.reported(new ProductId(UPS), "e" + i,
                    i == 4 ? "BATTERY_LOW" : i % 2 == 0 ? "ON_BATTERY" : "POWER_RESTORED", t0.plusSeconds(60L * i),
                    t0.plusSeconds(60L * i), "{\"batteryChargePercent\":" + (90 - i) + "}"));
        }
        String events = DEVICES + "/" + UPS + "/events";

        Answer first = web.as(ada, "GET", events + "?limit=2", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonArray page = first.json().getJsonArray("events");
        assertThat(page.getJsonObject(0).getString("eventId")).isEqualTo("e4");
        assertThat(page.getJsonObject(0).getString("severity")).isEqualTo("critical");
        assertThat(page.getJsonObject(0).getString("occurredAtLocal")).isEqualTo("2026-11-20T03:04-05:00");
        assertThat(page.getJsonObject(0).getJsonObject("details").getInteger("batteryChargePercent")).isEqualTo(86);
        assertThat(first.json().getString("timeZone")).isEqualTo("America/New_York");
        String next = first.json().getString("next");
        JsonArray second = web.as(ada, "GET", events + "?limit=2&after=" + next, null).json().getJsonArray("events");
        assertThat(second.getJsonObject(0).getString("eventId")).isEqualTo("e2");
        assertThat(second.getJsonObject(1).getString("eventId")).isEqualTo("e1");
        assertThat(web.as(ada, "GET", events + "?type=on_battery&severity=warning&from=2026-11-20T08:01:00Z", null).json()
                .getJsonArray("events")).hasSize(1);
        assertProblem(web.as(ada, "GET", events + "?from=yesterday", null), 400, "VALIDATION_FAILED");
        assertProblem(web.as(ada, "GET", events + "?after=garbage", null), 400, "INVALID_CURSOR");

        Answer csv = web.as(ada, "GET", events, null, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo("occurredAt,occurredAtLocal,timeZone,type,severity,eventId,receivedAt,details");
        assertThat(lines[1]).startsWith("2026-11-20T08:04:00Z,2026-11-20T03:04-05:00,America/New_York,BATTERY_LOW,critical,e4,")
                .endsWith(",\"{\"\"batteryChargePercent\"\":86}\"");
        assertThat(web.as(ada, "GET", events + ".csv?type=POWER_RESTORED", null).body().split("\r\n")).hasSize(3);
    }

    /** Grace joins Ada's company by invitation; her session token. */
    private String coworker() {
        return web.coworkerOf(ada, GRACE, PASSWORD);
    }
}
