package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.fake.MutableClock;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reseller's lifecycle reminders through the running server (H2, the built-in MQTT endpoint, GreenMail) with a
 * moved clock: the customer registers two UPSes and connects a reseller who accepts on the page; 91 days before a
 * battery's replace-by date nothing is sent, then one mail on each of the days 90, 30, 7 and 0 with the model, the
 * date, the battery SKU and the customer's contact details; the other UPS reports a new battery after its first mail
 * and gets no more; the customer's own reminder works within 90 days of the event and is refused after; the mail's
 * Unsubscribe link ends the connection.
 */
class LifecycleEndToEndTest {

    private static final String CUSTOMER = "ada.lovelace@example.org";
    private static final String RESELLER = "sales@reseller.example";
    private static final String KEY = "7KQ2M9X4B1C8DZ";
    private static final String UPS1 = "AS2104123456";
    private static final String UPS2 = "AS2104123457";
    private static final Pattern ACCEPT = Pattern.compile("/reseller/accept\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("https://portal\\.example\\.com(/reseller/unsubscribe\\?token=([A-Za-z0-9_.~-]+))");

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private final List<MqttClient> devices = new ArrayList<>();
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T09:00:00Z");

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

    private SmartConnect start() {
        return SmartConnect.builder().clock(clock).configuration(client.configuration(dataDir, Map.of())).start();
    }

    @Test
    void fourRemindersOnTheirDaysNoneAfterANewBatteryAndTheCustomersOwnReminder() throws Exception {
        try (SmartConnect server = start()) {
            // UPS1's battery (APCRBC159, 4 years) is due 2027-03-01, UPS2's 2027-04-01; warranties far away.
            String csv = "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                    + UPS1 + "," + KEY + "," + secret(UPS1) + ",SMT1500RMI2UC,SN-1,APCRBC159,2023-03-01,2031-01-01\n"
                    + UPS2 + "," + KEY + "," + secret(UPS2) + ",SMT750RMI2UC,SN-2,APCRBC159,2023-04-01,2031-01-01\n";
            assertThat(server.devices().importCatalog().importCatalog(new ImportCatalogCommand(csv)))
                    .isEqualTo(new ImportCatalogResult.Imported(2, 0));
            int mqttPort = server.mqttPort().getAsInt();
            device(mqttPort, UPS1, "SMT1500RMI2UC", "2023-03-01");
            MqttClient ups2 = device(mqttPort, UPS2, "SMT750RMI2UC", "2023-04-01");

            client.signUpAndVerify(server, CUSTOMER);
            String bearer = logIn(server);
            HttpResponse<String> profile = client.sendJson(server, "PATCH", "/api/v1/me",
                    "{\"phone\": \"+44 20 7946 0958\", \"jobRole\": \"IT manager\"}", "Authorization", bearer);
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            for (String ups : List.of(UPS1, UPS2)) {
                HttpResponse<String> registered = client.post(server, "/api/v1/devices",
                        "{\"productId\": \"" + ups + "\", \"productKey\": \"" + KEY + "\"}", "Authorization", bearer);
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            }
            HttpResponse<String> noReseller = client.post(server, "/api/v1/devices/" + UPS1 + "/lifecycle/battery/reminder",
                    "{}", "Authorization", bearer);
            assertThat(noReseller.statusCode()).as(noReseller.body()).isEqualTo(409);

            // The reseller accepts on the page the invitation links to.
            int before = client.mailsReceived();
            assertThat(client.post(server, "/api/v1/reseller/invitation", "{\"email\": \"" + RESELLER + "\"}",
                    "Authorization", bearer).statusCode()).isEqualTo(201);
            Matcher accept = ACCEPT.matcher(PortalClient.text(client.awaitMail(before + 1)));
            assertThat(accept.find()).isTrue();
            assertThat(client.submitLinkPage(server, accept.group(), "/reseller/accept", accept.group(1)).statusCode()).isEqualTo(200);

            assertThat(remindersOn(server, "2026-11-30")).as("91 days before").isEmpty();
            List<MimeMessage> first = remindersOn(server, "2026-12-01");
            assertThat(first).hasSize(1);
            String text = PortalClient.text(first.get(0));
            assertThat(first.get(0).getSubject()).contains("Replace Battery", "2027-03-01");
            assertThat(text).contains("SMT1500RMI2UC", "2027-03-01", "APCRBC159", "Analytical Engines Ltd",
                    "Ada Lovelace", CUSTOMER, "+44 20 7946 0958", "IT manager", "Unsubscribe");
            assertThat(remindersOn(server, "2026-12-02")).isEmpty();

            List<MimeMessage> ups2First = remindersOn(server, "2027-01-01");
            assertThat(ups2First).hasSize(1);
            assertThat(PortalClient.text(ups2First.get(0))).contains("SMT750RMI2UC", "2027-04-01");
            // UPS2's battery is replaced: its birth reports the new install date (due 2031-01-02 now).
            publish(ups2, UPS2, "birth", birth("SMT750RMI2UC", "2027-01-02"));
            awaitBatteryDue(server, UPS2, "2031-01-02");

            List<MimeMessage> thirty = remindersOn(server, "2027-01-30");
            assertThat(thirty).hasSize(1);
            assertThat(first.get(0).getSubject()).isNotEqualTo(thirty.get(0).getSubject());
            assertThat(PortalClient.text(thirty.get(0))).contains("Battery Needs Replacement", "SMT1500RMI2UC");
            assertThat(PortalClient.text(remindersOn(server, "2027-02-22").get(0))).contains("Battery Replacement Due");
            List<MimeMessage> onTheDay = remindersOn(server, "2027-03-01");
            assertThat(onTheDay).hasSize(1);
            assertThat(PortalClient.text(onTheDay.get(0))).contains("SMT1500RMI2UC", "(today)")
                    .doesNotContain("0 days");
            assertThat(remindersOn(server, "2027-03-02")).as("UPS2's 30-day stage: resolved").isEmpty();
            assertThat(remindersOn(server, "2027-03-25")).isEmpty();
            assertThat(remindersOn(server, "2027-04-01")).isEmpty();
            assertThat(resellerMails()).hasSize(5);

            // The customer's own reminder: 89 days after the event, then 90.
            setClock("2027-05-29");
            bearer = logIn(server);
            HttpResponse<String> sent = client.post(server, "/api/v1/devices/" + UPS1 + "/lifecycle/battery/reminder",
                    "{}", "Authorization", bearer);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            MimeMessage reminder = awaitMail(RESELLER, "reminds you");
            assertThat(PortalClient.text(reminder)).contains("Ada Lovelace", "Battery End of Life Exceeded", "APCRBC159",
                    "(89 days ago)");
            HttpResponse<String> again = client.post(server, "/api/v1/devices/" + UPS1 + "/lifecycle/battery/reminder",
                    "{}", "Authorization", bearer);
            assertThat(again.statusCode()).isEqualTo(429);
            setClock("2027-05-30");
            bearer = logIn(server);
            HttpResponse<String> tooOld = client.post(server, "/api/v1/devices/" + UPS1 + "/lifecycle/battery/reminder",
                    "{}", "Authorization", bearer);
            assertThat(tooOld.statusCode()).as(tooOld.body()).isEqualTo(422);
            assertThat(tooOld.body()).contains("LIFECYCLE_EVENT_TOO_OLD", "less than 90 days ago");

            // The Unsubscribe link of a reminder mail ends the connection; the customer is told.
            Matcher unsubscribe = UNSUBSCRIBE.matcher(text);
            assertThat(unsubscribe.find()).isTrue();
            assertThat(first.get(0).getHeader("List-Unsubscribe")[0]).contains(unsubscribe.group(2));
            assertThat(client.get(server, unsubscribe.group(1)).body()).contains("<form");
            assertThat(client.submitLinkPage(server, unsubscribe.group(1), "/reseller/unsubscribe", unsubscribe.group(2))
                    .statusCode())
                    .isEqualTo(200);
            awaitMail(CUSTOMER, "Your reseller has unsubscribed");
            assertThat(field(client.get(server, "/api/v1/reseller", "Authorization", bearer).body(), "state"))
                    .isEqualTo("unsubscribed");
        }
    }

    private void setClock(String day) {
        Instant target = LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), target));
    }

    /** Moves the clock to 09:00 UTC of {@code day}, runs the job twice (as two instances), returns the new mails. */
    private List<MimeMessage> remindersOn(SmartConnect server, String day) throws Exception {
        setClock(day);
        int before = resellerMails().size();
        int queued = server.resellers().reminders().runDue() + server.resellers().reminders().runDue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> all = resellerMails();
        // The server's own periodic run may have queued it first: wait for what either queued.
        while (all.size() < before + queued && System.nanoTime() < deadline) {
            Thread.sleep(50);
            all = resellerMails();
        }
        Thread.sleep(300);
        all = resellerMails();
        return all.subList(before, all.size());
    }

    private List<MimeMessage> resellerMails() throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(RESELLER))
                    && !mail.getSubject().contains("invites you") && !mail.getSubject().contains("reminds you")) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The first mail to {@code to} whose subject contains {@code subject}, waiting for it. */
    private MimeMessage awaitMail(String to, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
                        && mail.getSubject().contains(subject)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + to + " about " + subject);
    }

    private void awaitBatteryDue(SmartConnect server, String ups, String dueOn) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String bearer = logIn(server);
        while (true) {
            String body = client.get(server, "/api/v1/devices/" + ups + "/lifecycle", "Authorization", bearer).body();
            String battery = new JsonObject(body).getJsonArray("events").getJsonObject(0).getString("dueOn");
            if (battery.equals(dueOn)) {
                return;
            }
            assertThat(System.nanoTime()).as("battery due %s, still %s", dueOn, battery).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String logIn(SmartConnect server) throws Exception {
        return "Bearer " + field(client.post(server, "/api/v1/sessions", credentials(CUSTOMER, "Tr1angle!Sky")).body(),
                "token");
    }

    private static String secret(String productId) {
        return "s3cret-of-" + productId + "-0123456789-abcdef";
    }

    private static String birth(String model, String installedOn) {
        return """
                {"model": "%s", "serialNumber": "SN", "firmware": "UPS 15.5 / NMC 1.2",
                 "smartConnectEnabled": true, "batterySku": "APCRBC159", "batteryInstalledOn": "%s",
                 "outletGroups": ["MAIN"], "sentAt": "2026-11-23T08:15:30Z"}""".formatted(model, installedOn);
    }

    private MqttClient device(int port, String productId, String model, String installedOn) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, productId, new MemoryPersistence());
        devices.add(device);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(productId);
        options.setPassword(secret(productId).toCharArray());
        options.setAutomaticReconnect(false);
        device.setTimeToWait(10_000);
        device.connect(options);
        publish(device, productId, "birth", birth(model, installedOn));
        return device;
    }

    private static void publish(MqttClient device, String productId, String kind, String json) throws Exception {
        SimulatedUpses.publish(device, productId, kind, json);
    }
}
