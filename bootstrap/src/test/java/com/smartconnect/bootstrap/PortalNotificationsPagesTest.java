package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalSession.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email Notifications over plain HTTP, as a browser without script uses them: a visitor logs in first; another
 * account's UPS is the 404 of an unknown one, to read and to change; a form without the session's token is refused
 * and changes nothing; each refusal of the use case (too many recipients, a severity that is none, nothing chosen, an
 * unknown notification, as many notifications as a UPS may have) is the form again with what was typed.
 */
class PortalNotificationsPagesTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String OWNER = "ada.lovelace@example.org";
    private static final String STRANGER = "eve.stranger@example.org";
    private static final String UPS = "AS2104123456";
    private static final String PAGE = "/devices/notifications?productId=" + UPS;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final PortalClient client = PortalClient.withOwnMail();

    @Test
    void thePagesAnswerOnlyTheOwnerAndEachRefusalIsTheFormAgain() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start();
                SimulatedUpses upses = new SimulatedUpses(server)) {
            upses.importCatalog(List.of(UPS));
            upses.connect(UPS, true, "OL");
            upses.awaitBirth(UPS);
            client.signUpAndVerify(server, OWNER);
            client.signUpAndVerify(server, STRANGER);
            HttpResponse<String> registered = client.post(server, "/api/v1/devices", "{\"productId\": \"" + UPS
                    + "\", \"productKey\": \"" + SimulatedUpses.KEY + "\"}", "Authorization", bearer(server, OWNER));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            // Logged out: the login first, to come back here.
            PortalSession visitor = new PortalSession(server);
            HttpResponse<String> loggedOut = visitor.get(PAGE);
            assertThat(loggedOut.statusCode()).isEqualTo(303);
            assertThat(loggedOut.headers().firstValue("Location")).contains(
                    "/login?next=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8));

            // Another account's UPS: not found, to read and to change.
            PortalSession stranger = new PortalSession(server).logIn(STRANGER);
            String strangersToken = csrfOf(stranger.get("/"));
            for (String path : List.of(PAGE, "/devices/notifications/edit?productId=" + UPS)) {
                HttpResponse<String> page = stranger.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(404);
                assertThat(page.body()).contains("Device not found").doesNotContain(OWNER);
            }
            assertThat(stranger.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=eve%40example.org&severities=CRITICAL&csrf=" + strangersToken).statusCode())
                    .isEqualTo(404);
            assertThat(stranger.postForm("/devices/notifications/enable", "productId=" + UPS + "&csrf="
                    + strangersToken).statusCode()).isEqualTo(404);

            PortalSession owner = new PortalSession(server).logIn(OWNER);
            HttpResponse<String> page = owner.get(PAGE);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
            assertThat(page.body()).doesNotContain("<style", "style=\"", "onclick", "{{")
                    .contains("Notification 1", OWNER, "Create Notification");
            String token = csrfOf(page);
            String id = notifications(server).getJsonObject(0).getString("id");

            // Without the session's token: refused, nothing changed.
            for (String form : List.of("", "&csrf=", "&csrf=" + strangersToken)) {
                assertThat(owner.postForm("/devices/notifications/edit", "productId=" + UPS
                        + "&recipients=mallory%40example.org&severities=INFO" + form).statusCode()).isEqualTo(403);
                assertThat(owner.postForm("/devices/notifications/delete", "productId=" + UPS + "&notification=" + id
                        + form).statusCode()).isEqualTo(403);
            }
            assertThat(notifications(server)).hasSize(1);

            // The use case's refusals: the form again, with the message at its field and what was typed.
            StringBuilder eleven = new StringBuilder();
            for (int i = 1; i <= 11; i++) {
                eleven.append("ops").append(i).append("%40example.org%0A");
            }
            HttpResponse<String> tooMany = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=" + eleven + "&severities=CRITICAL&csrf=" + token);
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooMany.body()).contains("id=\"recipients-error\"", "A notification can have at most 10 recipients.",
                    "ops11@example.org", "value=\"CRITICAL\" checked");
            HttpResponse<String> noSuchSeverity = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=ops%40example.org&severities=URGENT&csrf=" + token);
            assertThat(noSuchSeverity.statusCode()).isEqualTo(400);
            assertThat(noSuchSeverity.body()).contains("id=\"severities-error\"", "Please choose Info, Warning or Critical.",
                    ">ops@example.org</textarea>");
            HttpResponse<String> nothing = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=ops%40example.org&otherTypes=&csrf=" + token);
            assertThat(nothing.statusCode()).isEqualTo(400);
            assertThat(nothing.body()).contains("Please choose at least one severity or event type.");
            assertThat(nothing.body()).as("the unticked email box stays unticked").doesNotContain("value=\"on\" checked");
            HttpResponse<String> noRecipient = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=&severities=INFO&email=on&csrf=" + token);
            assertThat(noRecipient.statusCode()).isEqualTo(400);
            assertThat(noRecipient.body()).contains("Please enter at least one email address.");
            assertThat(notifications(server)).as("no refusal saved anything").hasSize(1);

            // A notification that is not this UPS's (or no longer): 404, with the way back.
            for (String path : List.of("/devices/notifications/edit?productId=" + UPS + "&notification=nope",
                    "/devices/notifications/delete?productId=" + UPS + "&notification=" + java.util.UUID.randomUUID())) {
                HttpResponse<String> gone = owner.get(path);
                assertThat(gone.statusCode()).as(path).isEqualTo(404);
                assertThat(gone.body()).contains("This notification was not found", "Back to Email Notifications");
            }
            assertThat(owner.postForm("/devices/notifications/edit", "productId=" + UPS + "&notification="
                    + java.util.UUID.randomUUID() + "&recipients=ops%40example.org&severities=INFO&csrf=" + token)
                    .statusCode()).isEqualTo(404);
            assertThat(owner.postForm("/devices/notifications/delete", "productId=" + UPS + "&notification=nope&csrf="
                    + token).statusCode()).isEqualTo(404);

            // Saved: back to the page with a note.
            HttpResponse<String> created = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=ops%40example.org&eventTypes=ON_BATTERY&email=on&csrf=" + token);
            assertThat(created.statusCode()).isEqualTo(303);
            assertThat(created.headers().firstValue("Location")).contains(PAGE + "&notice=created");
            assertThat(owner.get(PAGE + "&notice=created").body()).contains("The notification is created.",
                    "Notification 2", "ops@example.org", "On battery");

            // The UPS Profile's switch off: the page says that nothing is emailed, and where to turn it on.
            HttpResponse<String> switched = client.sendJson(server, "PATCH", "/api/v1/devices/" + UPS,
                    "{\"notifications\": false}", "Authorization", bearer(server, OWNER));
            assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
            assertThat(owner.get(PAGE).body()).contains("Notifications are turned off for this UPS",
                    "Turn them on in the UPS Profile.").doesNotContain("data-plan-notice", "data-disabled");

            // As many notifications as a UPS may have: the page says so, and one more is refused with the form kept.
            String bearer = bearer(server, OWNER);
            for (int i = notifications(server).size(); i < 20; i++) {
                assertThat(client.post(server, "/api/v1/devices/" + UPS + "/notifications", "{\"recipients\": "
                        + "[\"ops@example.org\"], \"severities\": [\"INFO\"]}", "Authorization", bearer).statusCode())
                        .isEqualTo(201);
            }
            assertThat(owner.get(PAGE).body()).contains("This UPS has 20 notifications, as many as it may have")
                    .doesNotContain(">Create Notification<");
            HttpResponse<String> full = owner.postForm("/devices/notifications/edit", "productId=" + UPS
                    + "&recipients=late%40example.org&severities=INFO&csrf=" + token);
            assertThat(full.statusCode()).isEqualTo(409);
            assertThat(full.body()).contains("This UPS has 20 notifications, as many as it may have. Please change or "
                    + "delete one of them instead.", "late@example.org</textarea>");
        }
    }

    private JsonArray notifications(SmartConnect server) throws Exception {
        HttpResponse<String> read = client.get(server, "/api/v1/devices/" + UPS + "/notifications",
                "Authorization", bearer(server, OWNER));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return new JsonObject(read.body()).getJsonArray("notifications");
    }

    private String bearer(SmartConnect server, String email) throws Exception {
        return "Bearer " + PortalClient.field(client.post(server, "/api/v1/sessions",
                PortalClient.credentials(email, PASSWORD)).body(), "token");
    }
}
