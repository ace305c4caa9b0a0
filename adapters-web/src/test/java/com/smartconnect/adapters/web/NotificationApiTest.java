package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.notification.port.in.NotificationChangeResult;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.notification.NotificationId;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email Event Notifications over a real socket: the settings API of a device (owner, co-worker, another account,
 * CSRF, every result of the use case) and the pages the links of the notification mails open.
 */
class NotificationApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String GRACE = "grace@example.com";
    private static final String UPS = "AS2104123456";
    private static final String NOTIFICATIONS = "/api/v1/devices/" + UPS + "/notifications";

    private WebApiFixture web;
    private FakeNotifications fake;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        fake = web.notifications;
        web.verifiedAccount(ADA, "Ada");
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
        web.connectedDevice(UPS);
        Answer registered = web.as(ada, "POST", "/api/v1/devices", new JsonObject().put("productId", UPS)
                .put("productKey", WebApiFixture.PRODUCT_KEY));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private static JsonObject notification(String recipient, String... severities) {
        return new JsonObject().put("recipients", new JsonArray().add(recipient))
                .put("severities", new JsonArray(List.of((Object[]) severities)));
    }

    // ---- the settings API ----

    @Test
    void theOwnerReadsTheSettingsWithEveryField() {
        NotificationId id = fake.add(UPS, ADA);
        Instant until = web.clock.instant().plusSeconds(3600);
        fake.disable(UPS, until);

        Answer answer = web.as(ada, "GET", NOTIFICATIONS, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject json = answer.json();
        assertThat(json.fieldNames()).containsExactlyInAnyOrder("productId", "notificationsOn", "plan", "sentOnPlan",
                "notice", "disabledUntil", "notifications");
        assertThat(json.getString("productId")).isEqualTo(UPS);
        assertThat(json.getBoolean("notificationsOn")).isTrue();
        assertThat(json.getString("plan")).isEqualTo("FREE_PERIOD");
        assertThat(json.getBoolean("sentOnPlan")).isTrue();
        assertThat(json.getString("notice")).contains("disabled");
        assertThat(json.getString("disabledUntil")).isEqualTo(until.toString());
        assertThat(json.getJsonArray("notifications")).containsExactly(new JsonObject()
                .put("id", id.toString())
                .put("recipients", new JsonArray().add(ADA))
                .put("severities", new JsonArray().add("WARNING").add("CRITICAL"))
                .put("eventTypes", new JsonArray())
                .put("email", true));
    }

    @Test
    void noNoticeAndNoDisablingAreNull() {
        JsonObject json = web.as(ada, "GET", NOTIFICATIONS, null).json();

        assertThat(json.containsKey("notice")).isTrue();
        assertThat(json.getValue("notice")).isNull();
        assertThat(json.containsKey("disabledUntil")).isTrue();
        assertThat(json.getValue("disabledUntil")).isNull();
        assertThat(json.getJsonArray("notifications")).isEmpty();
    }

    @Test
    void aDeviceTheUserDoesNotSeeIsNotFound() {
        assertProblem(web.as(ada, "GET", "/api/v1/devices/AS2104999999/notifications", null), 404, "DEVICE_NOT_FOUND");
        web.verifiedAccount("bob@example.com", "Bob");
        String bob = web.logIn("bob@example.com", PASSWORD).json().getString("token");
        assertProblem(web.as(bob, "GET", NOTIFICATIONS, null), 404, "DEVICE_NOT_FOUND");
    }

    @Test
    void creatingAnswers201WithTheSettingsAndTheNewNotificationsLocation() {
        fake.add(UPS, ADA);

        Answer created = web.as(ada, "POST", NOTIFICATIONS, new JsonObject()
                .put("recipients", new JsonArray().add("ops@example.com").add("it@example.com"))
                .put("severities", new JsonArray().add("CRITICAL"))
                .put("eventTypes", new JsonArray().add("ON_BATTERY")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonArray list = created.json().getJsonArray("notifications");
        assertThat(list).hasSize(2);
        JsonObject last = list.getJsonObject(1);
        assertThat(created.header("Location")).isEqualTo(NOTIFICATIONS + "/" + last.getString("id"));
        assertThat(last.getJsonArray("recipients")).containsExactly("ops@example.com", "it@example.com");
        assertThat(last.getJsonArray("severities")).containsExactly("CRITICAL");
        assertThat(last.getJsonArray("eventTypes")).containsExactly("ON_BATTERY");
        assertThat(last.getBoolean("email")).as("email defaults to true").isTrue();
        assertThat(fake.notifications(UPS)).hasSize(2);
    }

    @Test
    void theEmailPreferenceIsPassedOn() {
        Answer created = web.as(ada, "POST", NOTIFICATIONS, notification(ADA, "INFO").put("email", false));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getJsonArray("notifications").getJsonObject(0).getBoolean("email")).isFalse();
        assertThat(fake.notifications(UPS).get(0).email()).isFalse();
    }

    @Test
    void anInvalidNotificationIsAValidationProblemWithFieldErrors() {
        Answer answer = web.as(ada, "POST", NOTIFICATIONS, new JsonObject()
                .put("recipients", new JsonArray().add("not an address")));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.errorFields()).containsExactly("recipients", "severities");
        assertThat(answer.errors().get(1).getString("code")).isEqualTo("NO_EVENTS_SELECTED");
        assertThat(fake.notifications(UPS)).isEmpty();
    }

    @Test
    void theOwnerSavesAndDeletesANotification() {
        NotificationId id = fake.add(UPS, ADA);

        Answer saved = web.as(ada, "PUT", NOTIFICATIONS + "/" + id, notification("ops@example.com", "INFO")
                .put("email", false));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonObject notification = saved.json().getJsonArray("notifications").getJsonObject(0);
        assertThat(notification.getString("id")).isEqualTo(id.toString());
        assertThat(notification.getJsonArray("recipients")).containsExactly("ops@example.com");
        assertThat(notification.getJsonArray("severities")).containsExactly("INFO");
        assertThat(notification.getBoolean("email")).isFalse();

        Answer deleted = web.as(ada, "DELETE", NOTIFICATIONS + "/" + id, null);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(fake.notifications(UPS)).isEmpty();
        assertProblem(web.as(ada, "DELETE", NOTIFICATIONS + "/" + id, null), 404, "NOTIFICATION_NOT_FOUND");
        assertProblem(web.as(ada, "PUT", NOTIFICATIONS + "/" + id, notification(ADA, "INFO")), 404,
                "NOTIFICATION_NOT_FOUND");
    }

    @Test
    void theOwnerEnablesNotificationsTheThrottleDisabled() {
        fake.disable(UPS, web.clock.instant().plusSeconds(3600));

        Answer enabled = web.as(ada, "POST", NOTIFICATIONS + "/enable", null);

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().getValue("disabledUntil")).isNull();
        assertThat(fake.disabledUntil(UPS)).isEmpty();
    }

    @Test
    void aCoworkerReadsTheSettingsButChangesNothing() {
        NotificationId id = fake.add(UPS, ADA);
        fake.disable(UPS, web.clock.instant().plusSeconds(3600));
        String grace = coworker();

        assertThat(web.as(grace, "GET", NOTIFICATIONS, null).status()).isEqualTo(200);
        Map<String, Answer> refused = new LinkedHashMap<>();
        refused.put("create", web.as(grace, "POST", NOTIFICATIONS, notification(GRACE, "INFO")));
        refused.put("update", web.as(grace, "PUT", NOTIFICATIONS + "/" + id, notification(GRACE, "INFO")));
        refused.put("delete", web.as(grace, "DELETE", NOTIFICATIONS + "/" + id, null));
        refused.put("enable", web.as(grace, "POST", NOTIFICATIONS + "/enable", null));

        refused.forEach((operation, answer) -> {
            assertProblem(answer, 403, "NOT_DEVICE_OWNER");
            assertThat(answer.json().getString("detail")).as(operation)
                    .isEqualTo("Only the account owner who registered the UPS can manage its notifications.");
        });
        assertThat(fake.notifications(UPS)).hasSize(1);
        assertThat(fake.notifications(UPS).get(0).recipients()).containsExactly(new EmailAddress(ADA));
        assertThat(fake.disabledUntil(UPS)).isPresent();
    }

    @Test
    void everyResultOfTheUseCaseIsMappedOnEveryChange() {
        Map<NotificationChangeResult, int[]> expected = new LinkedHashMap<>();
        Map<NotificationChangeResult, String> codes = new LinkedHashMap<>();
        put(expected, codes, new NotificationChangeResult.Invalid(List.of(new FieldError("recipients",
                "INVALID_EMAIL", "You have entered an invalid email address."))), 400, "VALIDATION_FAILED");
        put(expected, codes, new NotificationChangeResult.DeviceNotFound(), 404, "DEVICE_NOT_FOUND");
        put(expected, codes, new NotificationChangeResult.NotOwner(), 403, "NOT_DEVICE_OWNER");
        put(expected, codes, new NotificationChangeResult.NotificationNotFound(), 404, "NOTIFICATION_NOT_FOUND");
        put(expected, codes, new NotificationChangeResult.TooMany(20), 409, "TOO_MANY_NOTIFICATIONS");
        String some = NOTIFICATIONS + "/" + fake.add(UPS, ADA);

        for (NotificationChangeResult result : expected.keySet()) {
            for (String[] request : List.of(new String[] {"POST", NOTIFICATIONS}, new String[] {"PUT", some},
                    new String[] {"DELETE", some}, new String[] {"POST", NOTIFICATIONS + "/enable"})) {
                fake.willAnswer(result);
                JsonObject body = request[1].endsWith("/enable") || request[0].equals("DELETE")
                        ? null : notification(ADA, "INFO");
                Answer answer = web.as(ada, request[0], request[1], body);
                assertThat(answer.status()).as(request[0] + " " + request[1] + " -> " + result)
                        .isEqualTo(expected.get(result)[0]);
                assertThat(answer.code()).as(result.toString()).isEqualTo(codes.get(result));
                assertThat(answer.header("Location")).isNull();
                if (result instanceof NotificationChangeResult.Invalid) {
                    assertThat(answer.errors()).containsExactly(new JsonObject().put("field", "recipients")
                            .put("code", "INVALID_EMAIL").put("message", "You have entered an invalid email address."));
                }
                if (result instanceof NotificationChangeResult.TooMany) {
                    assertThat(answer.json().getInteger("max")).isEqualTo(20);
                }
            }
        }
    }

    private static void put(Map<NotificationChangeResult, int[]> expected, Map<NotificationChangeResult, String> codes,
            NotificationChangeResult result, int status, String code) {
        expected.put(result, new int[] {status});
        codes.put(result, code);
    }

    @Test
    void aBrokenBodyIsAProblemNotAStackTrace() {
        Answer malformed = web.send("POST", NOTIFICATIONS, "application/json", "{\"recipients\": [",
                "Authorization", "Bearer " + ada);
        assertProblem(malformed, 400, "MALFORMED_JSON");
        Answer notAnObject = web.send("PUT", NOTIFICATIONS + "/x", "application/json", "[1]",
                "Authorization", "Bearer " + ada);
        assertProblem(notAnObject, 400, "MALFORMED_JSON");
        Answer wrongTypes = web.as(ada, "POST", NOTIFICATIONS, new JsonObject().put("recipients", "ada@example.com")
                .put("email", "yes"));
        assertThat(wrongTypes.status()).as(wrongTypes.body()).isEqualTo(400);
        assertThat(wrongTypes.header("Content-Type")).isEqualTo("application/problem+json");
        Answer notJson = web.send("POST", NOTIFICATIONS, "text/plain", "recipients=ada",
                "Authorization", "Bearer " + ada);
        assertProblem(notJson, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(fake.calls).noneMatch(call -> call.startsWith("create") || call.startsWith("update"));
    }

    @Test
    void withoutASessionNothingIsAnswered() {
        assertProblem(web.get(NOTIFICATIONS), 401, "NOT_AUTHENTICATED");
        assertProblem(web.postJson(NOTIFICATIONS, notification(ADA, "INFO")), 401, "NOT_AUTHENTICATED");
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void aChangeWithTheSessionCookieNeedsTheCsrfToken() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String csrf = login.getString("csrfToken");
        String body = notification(ADA, "INFO").encode();

        assertThat(web.send("GET", NOTIFICATIONS, null, null, "Cookie", cookie).status())
                .as("reading needs no CSRF token").isEqualTo(200);
        assertProblem(web.send("POST", NOTIFICATIONS, "application/json", body, "Cookie", cookie), 403,
                "CSRF_TOKEN_INVALID");
        assertProblem(web.send("POST", NOTIFICATIONS + "/enable", null, null, "Cookie", cookie), 403,
                "CSRF_TOKEN_INVALID");
        assertThat(fake.calls).noneMatch(call -> call.startsWith("create") || call.startsWith("enable"));

        assertThat(web.send("POST", NOTIFICATIONS, "application/json", body, "Cookie", cookie, "X-CSRF-Token", csrf)
                .status()).isEqualTo(201);
    }

    // ---- the pages of the mail links ----

    @Test
    void openingTheUnsubscribeLinkShowsTheButtonAndChangesNothing() {
        NotificationId id = fake.add(UPS, ADA);
        String token = fake.unsubscribeToken(UPS, id, ADA);

        Answer page = web.get("/notifications/unsubscribe?token=" + WebApiFixture.urlEncoded(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from Email Event Notifications", "Rack " + UPS, ADA,
                "<form method=\"post\" action=\"/notifications/unsubscribe\">",
                "<input type=\"hidden\" name=\"token\" value=\"" + token + "\">", ">Unsubscribe</button>");
        assertThat(fake.linkCalls()).containsExactly("unsubscription");
        assertThat(fake.notifications(UPS).get(0).recipients()).containsExactly(new EmailAddress(ADA));
    }

    @Test
    void theUnsubscribeButtonTakesTheRecipientOffAndSaysHowToResubscribe() {
        NotificationId id = fake.add(UPS, ADA);
        String token = fake.unsubscribeToken(UPS, id, ADA);

        Answer done = web.submitForm("/notifications/unsubscribe", Map.of("token", token));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You are no longer subscribed to email notifications.",
                "To resubscribe, log in to the Web Portal, visit Email Notifications, create a notification and "
                        + "select your email notification preference, then click Save Settings.")
                .doesNotContain("<form");
        assertThat(fake.linkCalls()).as("the page, then its button").containsExactly("unsubscription", "unsubscribe");
        assertThat(fake.notifications(UPS).get(0).recipients()).isEmpty();

        Answer again = web.get("/notifications/unsubscribe?token=" + WebApiFixture.urlEncoded(token));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("You are no longer subscribed to email notifications.")
                .doesNotContain("<form");
        assertThat(web.submitForm("/notifications/unsubscribe", Map.of("token", token)).status())
                .as("posting again changes nothing and answers the same").isEqualTo(200);
    }

    @Test
    void aButtonsPostWithoutThisBrowsersFormTokenIsRefusedAndChangesNothing() {
        NotificationId id = fake.add(UPS, ADA);
        String unsubscribe = fake.unsubscribeToken(UPS, id, ADA);
        Instant until = web.clock.instant().plusSeconds(3600);
        fake.disable(UPS, until);
        String enable = fake.enableToken(UPS);
        String anothersToken = anotherBrowsersFormToken("/notifications/enable?token=" + WebApiFixture.urlEncoded(enable));

        List<Answer> refused = List.of(web.postForm("/notifications/enable", Map.of("token", enable)),
                web.submitForm("/notifications/enable", Map.of("token", enable, "csrf", anothersToken)),
                web.postForm("/notifications/unsubscribe", Map.of("token", unsubscribe)),
                web.submitForm("/notifications/unsubscribe", Map.of("token", unsubscribe, "csrf", anothersToken)));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.isPage()).isTrue();
            assertThat(answer.body()).doesNotContain(enable).doesNotContain(unsubscribe);
        }
        assertThat(fake.disabledUntil(UPS)).as("notifications are still off").contains(until);
        assertThat(fake.notifications(UPS).get(0).recipients()).as("still subscribed").isNotEmpty();
        assertThat(fake.linkCalls()).doesNotContain("enableByLink", "unsubscribe");
    }

    /** The {@code csrf} field another browser (another form cookie) finds on the page at {@code path}. */
    private String anotherBrowsersFormToken(String path) {
        String token = WebApiFixture.csrfOf(web.send("GET", path, null, null,
                "Cookie", WebApiFixture.FORM_COOKIE + "=" + "another-browser-".repeat(3)));
        assertThat(token).isNotNull();
        return token;
    }

    @Test
    void aMailClientUnsubscribesWithOneClick() {
        NotificationId id = fake.add(UPS, ADA);
        String token = fake.unsubscribeToken(UPS, id, ADA);

        Answer done = web.send("POST", "/notifications/unsubscribe?token=" + WebApiFixture.urlEncoded(token),
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You are no longer subscribed to email notifications.");
        assertThat(fake.notifications(UPS).get(0).recipients()).isEmpty();
    }

    @Test
    void anUnknownOrMissingUnsubscribeTokenIsAPage() {
        // A browser with a form of this server open, whose posts carry an unknown token or none.
        web.get("/notifications/unsubscribe?token=" + WebApiFixture.urlEncoded(fake.unsubscribeToken(UPS, fake.add(UPS, ADA), ADA)));
        Answer unknown = web.get("/notifications/unsubscribe?token=not-a-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This unsubscribe link is not valid.");
        assertThat(web.submitForm("/notifications/unsubscribe", Map.of("token", "not-a-token")).status())
                .isEqualTo(404);
        assertThat(web.send("POST", "/notifications/unsubscribe?token=not-a-token",
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status()).isEqualTo(404);

        Answer missing = web.get("/notifications/unsubscribe");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("This link is incomplete.");
        assertThat(web.submitForm("/notifications/unsubscribe", Map.of()).status()).isEqualTo(400);
        assertThat(web.send("POST", "/notifications/unsubscribe", "application/json", "{\"token\":\"x\"}").status())
                .as("not a form").isEqualTo(415);
    }

    @Test
    void openingTheEnableLinkShowsUntilWhenInTheDevicesTimeZoneAndChangesNothing() {
        // 08:00Z + 90 minutes = 09:30Z, 10:30 in Paris.
        fake.disable(UPS, Instant.parse("2026-11-20T09:30:00Z"));
        String token = fake.enableToken(UPS);

        Answer page = web.get("/notifications/enable?token=" + WebApiFixture.urlEncoded(token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rack " + UPS, "20 November 2026 at 10:30 (Europe/Paris)",
                "<form method=\"post\" action=\"/notifications/enable\">",
                "<input type=\"hidden\" name=\"token\" value=\"" + token + "\">", ">Enable Notifications</button>");
        assertThat(fake.linkCalls()).containsExactly("enabling");
        assertThat(fake.disabledUntil(UPS)).isPresent();
    }

    @Test
    void theEnableButtonEndsTheDisabling() {
        fake.disable(UPS, web.clock.instant().plusSeconds(3600));
        String token = fake.enableToken(UPS);

        Answer done = web.submitForm("/notifications/enable", Map.of("token", token));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Event Notifications for Rack " + UPS + " are enabled again.")
                .doesNotContain("<form");
        assertThat(fake.linkCalls()).as("the page, then its button").containsExactly("enabling", "enableByLink");
        assertThat(fake.disabledUntil(UPS)).isEmpty();

        Answer afterwards = web.get("/notifications/enable?token=" + WebApiFixture.urlEncoded(token));
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.body()).contains("Event Notifications are on").doesNotContain("<form");
    }

    @Test
    void anUnknownOrMissingEnableTokenIsAPage() {
        // A browser with a form of this server open, whose posts carry an unknown token or none.
        Instant until = web.clock.instant().plusSeconds(3600);
        fake.disable(UPS, until);
        web.get("/notifications/enable?token=" + WebApiFixture.urlEncoded(fake.enableToken(UPS)));
        Answer unknown = web.get("/notifications/enable?token=not-a-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This enable link is not valid.");
        assertThat(web.submitForm("/notifications/enable", Map.of("token", "not-a-token")).status()).isEqualTo(404);

        assertThat(web.get("/notifications/enable").status()).isEqualTo(400);
        assertThat(web.submitForm("/notifications/enable", Map.of()).status()).isEqualTo(400);
        assertThat(web.send("POST", "/notifications/enable", "application/json", "{\"token\":\"x\"}").status())
                .as("not a form").isEqualTo(415);
        assertThat(fake.disabledUntil(UPS)).as("no post ended the disabling").contains(until);
    }

    @Test
    void theContractDocumentsEveryOperation() {
        String document = web.get("/api/openapi.yaml").body();

        assertThat(document).contains("operationId: getNotificationSettings", "operationId: createNotification",
                "operationId: updateNotification", "operationId: deleteNotification",
                "operationId: enableNotifications", "operationId: getNotificationUnsubscribePage",
                "operationId: submitNotificationUnsubscribePage", "operationId: getNotificationEnablePage",
                "operationId: submitNotificationEnablePage", "NOTIFICATION_NOT_FOUND", "TOO_MANY_NOTIFICATIONS",
                "NotificationSettings:", "NotificationRequest:");
    }

    @Test
    void withoutTheNotificationUseCasesTheOperationsAreNotFound() throws Exception {
        AtomicReference<HttpApi.UseCases> useCases = new AtomicReference<>();
        try (WebApiFixture other = WebApiFixture.start(new VertxOptions(), given -> {
            useCases.set(given);
            return given;
        }, List.of(WebApiFixture.probe("database", true)))) {
            other.verifiedAccount(ADA, "Ada");
            String token = other.logIn(ADA, PASSWORD).json().getString("token");
            HttpApi unwired = new HttpApi(new WebSettings("127.0.0.1", 0, WebSettings.DEFAULT_MAX_BODY_BYTES,
                    WebApiFixture.INTEGRATION_KEYS), useCases.get(), List.of(), other.clock);
            int port = unwired.start(other.vertx).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            try {
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + NOTIFICATIONS)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(api.statusCode()).isEqualTo(404);
                assertThat(new JsonObject(api.body()).getString("code")).isEqualTo("NOT_FOUND");
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/notifications/unsubscribe?token=anything")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(404);
                assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            } finally {
                unwired.stop(Duration.ofSeconds(1)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Grace joins Ada's company by invitation; her session token. */
    private String coworker() {
        return web.coworkerOf(ada, GRACE, PASSWORD);
    }
}
