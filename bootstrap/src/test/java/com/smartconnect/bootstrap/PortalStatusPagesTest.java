package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UPS Status page and its forms over plain HTTP, as a browser without JavaScript uses them: the login first, another
 * account's UPS answered as one that does not exist, a range the history does not have read as the last 24 hours,
 * forms without their token refused, the reboot refused without two-factor authentication and for a plan without it,
 * sent with both, and followed: the page with its Refresh link, and htmx's questions answered 204 while nothing changed.
 */
class PortalStatusPagesTest {

    private static final String STORE_KEY = "store-key-0123456789abcdef0123456789";
    private static final String UPS = "SP2104000001";
    private static final String STANDARD_UPS = "SP2104000002";
    private static final String PASSWORD = "Tr1angle!Sky";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final PortalClient client = PortalClient.withOwnMail();

    @Test
    void theStatusPageAndTheRebootWithoutJavaScript() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir,
                Map.of("SMARTCONNECT_INTEGRATION_KEYS", "store=" + STORE_KEY))).start();
                SimulatedUpses upses = new SimulatedUpses(server)) {
            upses.importCatalog(List.of(UPS, STANDARD_UPS));
            org.eclipse.paho.client.mqttv3.MqttClient device = upses.connect(UPS, true, "OL");
            upses.connect(STANDARD_UPS, true, "OL");
            upses.awaitBirth(UPS);
            upses.awaitBirth(STANDARD_UPS);
            client.signUpAndVerify(server, "owner@example.org");
            String owner = client.token(server, "owner@example.org");
            register(server, owner, UPS);
            register(server, owner, STANDARD_UPS);
            client.signUpAndVerify(server, "stranger@example.org");
            String stranger = client.token(server, "stranger@example.org");

            HttpResponse<String> loggedOut = client.page(server, "/devices/status?productId=" + UPS, null);
            assertThat(loggedOut.statusCode()).isEqualTo(303);
            assertThat(loggedOut.headers().firstValue("Location")).contains("/login?next="
                    + URLEncoder.encode("/devices/status?productId=" + UPS, StandardCharsets.UTF_8));

            HttpResponse<String> status = client.page(server, "/devices/status?productId=" + UPS + "&range=1y", owner);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("<h1>UPS Status</h1>", "On line", "Warranty Expires on 1 March 2027",
                    "name=\"range\" value=\"24h\"", "/devices/reboot?productId&#x3D;" + UPS + "&amp;outletGroup&#x3D;SOG1\"");
            assertThat(client.page(server, "/devices/status?productId=" + UPS + "&range=90d", owner).body())
                    .contains("name=\"range\" value=\"90d\"");
            HttpResponse<String> notTheirs = client.page(server, "/devices/status?productId=" + UPS, stranger);
            assertThat(notTheirs.statusCode()).isEqualTo(404);
            assertThat(notTheirs.body()).contains("Device not found").doesNotContain("SMT1500RMI2UC");
            assertThat(client.page(server, "/devices/reboot?productId=" + UPS + "&outletGroup=MAIN", stranger).statusCode())
                    .isEqualTo(404);
            assertThat(client.page(server, "/devices/status?productId=NOT-A-UPS", owner).statusCode()).isEqualTo(404);

            // The confirm step names the group; a group the UPS does not have is said so.
            HttpResponse<String> confirm = client.page(server, "/devices/reboot?productId=" + UPS + "&outletGroup=MAIN", owner);
            assertThat(confirm.body()).contains("Reboot outlet group MAIN of UPS SMT1500RMI2UC?");
            HttpResponse<String> unknown = client.page(server, "/devices/reboot?productId=" + UPS + "&outletGroup=SOG9", owner);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("This UPS has no outlet group SOG9. Please choose one of its outlet "
                    + "groups: MAIN, SOG1.");

            String csrf = PortalClient.csrf(confirm.body());
            String reboot = "productId=" + UPS + "&outletGroup=MAIN";
            HttpResponse<String> noToken = client.postPage(server, "/devices/reboot", owner, reboot);
            assertThat(noToken.statusCode()).as("no token").isEqualTo(403);
            assertThat(noToken.body()).contains("This page has expired.").doesNotContain("Two-Factor");
            assertThat(client.postPage(server, "/devices/remind", owner, "productId=" + UPS + "&kind=battery").statusCode())
                    .as("no token").isEqualTo(403);
            HttpResponse<String> noTwoFactor = client.postPage(server, "/devices/reboot", owner, reboot + "&csrf=" + csrf);
            assertThat(noTwoFactor.statusCode()).isEqualTo(403);
            assertThat(noTwoFactor.body()).contains("This must be enabled in the web portal to remotely reboot your "
                    + "UPS device’s outlet groups", "href=\"/account/two-factor\"");
            HttpResponse<String> strangersReboot = client.postPage(server, "/devices/reboot", stranger, reboot + "&csrf="
                    + PortalClient.csrf(client.page(server, "/", stranger).body()));
            assertThat(strangersReboot.statusCode()).isEqualTo(404);
            HttpResponse<String> noReseller = client.postPage(server, "/devices/remind", owner, "productId=" + UPS
                    + "&kind=warranty&csrf=" + csrf);
            assertThat(noReseller.statusCode()).isEqualTo(409);
            assertThat(noReseller.body()).contains("You have no connected reseller to remind", "href=\"/reseller\"");
            HttpResponse<String> noSuchEvent = client.postPage(server, "/devices/remind", owner, "productId=" + UPS
                    + "&kind=fan&csrf=" + csrf);
            assertThat(noSuchEvent.statusCode()).isEqualTo(400);
            assertThat(noSuchEvent.body()).contains("This UPS has no such lifecycle event", "<h1>UPS Status</h1>");

            // A polling part of a page whose UPS is not the visitor's, or whose session is gone, stops polling (286)
            // and sends the browser to the whole page (which says why) or to the login.
            HttpResponse<String> strangersPoll = client.htmx(server, "/devices/command?productId=" + UPS
                    + "&commandId=00000000-0000-0000-0000-000000000000&shown=PENDING", stranger);
            assertThat(strangersPoll.statusCode()).isEqualTo(286);
            assertThat(strangersPoll.headers().firstValue("HX-Redirect")).contains("/devices/command?productId="
                    + UPS + "&commandId=00000000-0000-0000-0000-000000000000");
            HttpResponse<String> loggedOutPoll = client.htmx(server, "/devices/command?productId=" + UPS
                    + "&commandId=00000000-0000-0000-0000-000000000000", "not-a-session");
            assertThat(loggedOutPoll.statusCode()).isEqualTo(286);
            assertThat(loggedOutPoll.headers().firstValue("HX-Redirect").orElseThrow()).startsWith("/login?next=");

            // With a connected reseller: sent, said on the page, mailed to the reseller; once a day.
            connectReseller(server, owner);
            int before = client.mailsReceived();
            HttpResponse<String> reminded = client.postPage(server, "/devices/remind", owner, "productId=" + UPS
                    + "&kind=warranty&csrf=" + csrf);
            assertThat(reminded.statusCode()).as(reminded.body()).isEqualTo(303);
            String back = reminded.headers().firstValue("Location").orElseThrow();
            assertThat(back).isEqualTo("/devices/status?productId=" + UPS + "&reminded=warranty");
            assertThat(client.page(server, back, owner).body()).contains(
                    "Your reminder about “Warranty Expires on 1 March 2027” was sent to your reseller.");
            assertThat(client.awaitMail(before + 1).getAllRecipients()[0].toString()).isEqualTo("sales@reseller.example");
            HttpResponse<String> again = client.postPage(server, "/devices/remind", owner, "productId=" + UPS
                    + "&kind=warranty&csrf=" + csrf);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("was sent to your reseller today. You can send another one tomorrow.");

            // Two-factor on: the session that confirmed it has passed it.
            int mails = client.mailsReceived();
            assertThat(client.post(server, "/api/v1/me/two-factor/enrolment", "{\"method\": \"EMAIL\"}",
                    "Authorization", "Bearer " + owner).statusCode()).isEqualTo(201);
            String code = PortalClient.mailedCode(client.awaitMail(mails + 1));
            assertThat(client.post(server, "/api/v1/me/two-factor/enrolment/confirmation",
                    "{\"code\": \"" + code + "\"}", "Authorization", "Bearer " + owner).statusCode()).isEqualTo(200);

            // A plan without remote reboot.
            HttpResponse<String> standard = client.sendJson(server, "PUT", "/api/v1/integration/devices/"
                    + STANDARD_UPS + "/plan", "{\"plan\": \"STANDARD\", \"endsOn\": \"2028-12-31\"}",
                    "Authorization", "Bearer " + STORE_KEY);
            assertThat(standard.statusCode()).as(standard.body()).isEqualTo(200);
            assertThat(client.page(server, "/devices/status?productId=" + STANDARD_UPS, owner).body())
                    .contains("Standard", "Not included:</span> Remote reboot of outlet groups",
                            "Standard Plan Expires on 31 December 2028");
            HttpResponse<String> plan = client.postPage(server, "/devices/reboot", owner, "productId=" + STANDARD_UPS
                    + "&outletGroup=MAIN&csrf=" + csrf);
            assertThat(plan.statusCode()).isEqualTo(403);
            assertThat(plan.body()).contains("Remote reboot of outlet groups is part of the Advanced plan; this UPS is "
                    + "on Standard.", "Buy a SmartConnect Subscription via Schneider Exchange or a local reseller");

            // Sent, then followed: the page with its Refresh link; htmx asks again and hears nothing new.
            HttpResponse<String> sent = client.postPage(server, "/devices/reboot", owner, reboot + "&csrf=" + csrf);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
            String location = sent.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("/devices/command?productId=" + UPS + "&commandId=");
            HttpResponse<String> followed = client.page(server, location, owner);
            assertThat(followed.statusCode()).isEqualTo(200);
            assertThat(followed.body()).contains("Reboot of outlet group MAIN", "role=\"status\"",
                    "hx-trigger=\"every 2s\"", ">Refresh</a>");
            // The UPS takes it (its PUBACK): delivered, and asked again about that, htmx gets nothing to swap.
            SimulatedUpses.eventually(() -> !upses.commands().isEmpty());
            SimulatedUpses.eventually(() -> {
                try {
                    return client.page(server, location, owner).body().contains("data-state=\"delivered\"");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> same = client.htmx(server, location + "&shown=DELIVERED", owner);
            assertThat(same.statusCode()).isEqualTo(204);
            assertThat(same.body()).isEmpty();
            HttpResponse<String> changed = client.htmx(server, location + "&shown=NOTHING", owner);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).startsWith("<div id=\"command-state\"").doesNotContain("<html");

            // The UPS answers that it failed: said with its words, and nothing more to ask.
            SimulatedUpses.publish(device, UPS, "acks", new io.vertx.core.json.JsonObject()
                    .put("commandId", upses.commands().get(0).getString("commandId")).put("result", "FAILED")
                    .put("message", "outlet group MAIN is locked").encode());
            SimulatedUpses.eventually(() -> {
                try {
                    return client.htmx(server, location + "&shown=DELIVERED", owner).statusCode() == 200;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> failed = client.htmx(server, location + "&shown=DELIVERED", owner);
            assertThat(failed.body()).contains("data-state=\"failed\"", "The UPS could not carry out the command.",
                    "outlet group MAIN is locked").doesNotContain("hx-trigger", "Refresh");
            assertThat(client.page(server, "/devices/command?productId=" + UPS + "&commandId=nope", owner).statusCode())
                    .isEqualTo(404);
            assertThat(client.page(server, location, stranger).statusCode()).isEqualTo(404);
        }
    }

    /** Invites a reseller by the API, who accepts on the page the mail links to. */
    private void connectReseller(SmartConnect server, String token) throws Exception {
        int before = client.mailsReceived();
        HttpResponse<String> invited = client.post(server, "/api/v1/reseller/invitation",
                "{\"email\": \"sales@reseller.example\"}", "Authorization", "Bearer " + token);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        Matcher accept = Pattern.compile("https://portal\\.example\\.com(/reseller/accept\\?token=([A-Za-z0-9_-]+))")
                .matcher(PortalClient.text(client.awaitMail(before + 1)));
        assertThat(accept.find()).isTrue();
        before = client.mailsReceived();
        HttpResponse<String> accepted = client.submitLinkPage(server, accept.group(1), "/reseller/accept",
                accept.group(2));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        client.awaitMail(before + 1);
    }

    private void register(SmartConnect server, String token, String productId) throws Exception {
        HttpResponse<String> registered = client.post(server, "/api/v1/devices", "{\"productId\": \"" + productId
                + "\", \"productKey\": \"" + SimulatedUpses.KEY + "\"}", "Authorization", "Bearer " + token);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }
}
