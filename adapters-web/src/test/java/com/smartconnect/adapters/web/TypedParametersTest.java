package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.domain.notification.NotificationId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parameters typed by the contract and checked by it after the session: a value of another type is a field error
 * worded as the contract says, an id that cannot exist is unknown, and without a session nothing is validated.
 */
class TypedParametersTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String UPS = "AS2104123456";
    private static final String DEVICE = "/api/v1/devices/" + UPS;
    private static final String EVENTS = DEVICE + "/events";

    private WebApiFixture web;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.verifiedAccount("ada@example.com", "Ada");
        ada = web.logIn("ada@example.com", PASSWORD).json().getString("token");
        web.connectedDevice(UPS);
        Answer registered = web.as(ada, "POST", "/api/v1/devices", new JsonObject().put("productId", UPS)
                .put("productKey", WebApiFixture.PRODUCT_KEY));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aQueryParameterOfAnotherTypeIsAFieldErrorWordedAsTheContractSays() {
        assertFieldError(web.as(ada, "GET", EVENTS + "?limit=0", null), "limit", "INVALID_LIMIT");
        assertFieldError(web.as(ada, "GET", EVENTS + "?limit=1001", null), "limit", "INVALID_LIMIT");
        assertFieldError(web.as(ada, "GET", EVENTS + "?limit=ten", null), "limit", "INVALID_LIMIT");
        assertFieldError(web.as(ada, "GET", EVENTS + "?severity=loud", null), "severity", "INVALID_SEVERITY");
        assertFieldError(web.as(ada, "GET", EVENTS + "?from=2026-11-20T08:15:30", null), "from", "INVALID_TIME");
        assertFieldError(web.as(ada, "GET", EVENTS + ".csv?to=tomorrow", null), "to", "INVALID_TIME");

        Answer read = web.as(ada, "GET", EVENTS + "?limit=1000&severity=critical&from=2026-11-20T08:15:30%2B01:00", null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @Test
    void anIdThatCannotExistIsUnknownAsAnotherAccountsIs() {
        assertProblem(web.as(ada, "GET", "/api/v1/devices/as2104123456", null), 404, "DEVICE_NOT_FOUND");
        assertProblem(web.as(ada, "GET", "/api/v1/devices/AS21041234567/events", null), 404, "DEVICE_NOT_FOUND");
        assertProblem(web.as(ada, "DELETE", "/api/v1/company/invitations/not-a-uuid", null), 404,
                "INVITATION_NOT_FOUND");
        assertProblem(web.as(ada, "DELETE", "/api/v1/company/invitations/urn:uuid:0d3a1f4e-8c2b-4b7a-9e61-5f2d8c7a3b10",
                null), 404, "INVITATION_NOT_FOUND");
    }

    @Test
    void withoutASessionNothingIsValidated() {
        assertProblem(web.get(EVENTS + "?limit=0"), 401, "NOT_AUTHENTICATED");
        assertProblem(web.get("/api/v1/devices/not-a-product-id"), 401, "NOT_AUTHENTICATED");
        assertProblem(web.send("PATCH", "/api/v1/me", "application/json", "{\"firstName\": 42}"), 401,
                "NOT_AUTHENTICATED");
    }

    @Test
    void aMalformedNotificationIdIsUnknownAfterTheDevicesOwnRefusals() {
        String notifications = DEVICE + "/notifications/";
        JsonObject body = new JsonObject().put("recipients", new JsonArray().add("ada@example.com"))
                .put("severities", new JsonArray().add("INFO"));
        String grace = web.coworkerOf(ada, "grace@example.com", PASSWORD);
        String bob = otherAccount();
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1", "x".repeat(2000))) {
            assertProblem(web.as(ada, "PUT", notifications + malformed, body), 404, "NOTIFICATION_NOT_FOUND");
            assertProblem(web.as(ada, "DELETE", notifications + malformed, null), 404, "NOTIFICATION_NOT_FOUND");
            assertProblem(web.as(grace, "DELETE", notifications + malformed, null), 403, "NOT_DEVICE_OWNER");
            assertProblem(web.as(bob, "PUT", notifications + malformed, body), 404, "DEVICE_NOT_FOUND");
            assertProblem(web.as(bob, "DELETE", notifications + malformed, null), 404, "DEVICE_NOT_FOUND");
            assertProblem(web.send("DELETE", notifications + malformed, null, null), 401, "NOT_AUTHENTICATED");
        }
        assertThat(web.notifications.calls).as("a refused id never reaches the use case")
                .noneMatch(call -> call.contains("uuid") || call.contains("1-1-1-1-1") || call.contains("xxx"));

        NotificationId adas = web.notifications.add(UPS, "ada@example.com");
        assertProblem(web.as(bob, "DELETE", notifications + adas, null), 404, "DEVICE_NOT_FOUND");
        assertThat(web.as(ada, "DELETE", notifications + adas, null).status()).isEqualTo(204);
    }

    @Test
    void aMalformedCommandIdIsUnknownAfterTheDevicesOwnRefusals() {
        String commands = DEVICE + "/commands/";
        String grace = web.coworkerOf(ada, "grace@example.com", PASSWORD);
        String bob = otherAccount();
        for (String malformed : List.of("nope", "1-1-1-1-1", "x".repeat(2000))) {
            assertProblem(web.as(ada, "GET", commands + malformed, null), 404, "COMMAND_NOT_FOUND");
            assertProblem(web.as(grace, "GET", commands + malformed, null), 404, "COMMAND_NOT_FOUND");
            assertProblem(web.as(bob, "GET", commands + malformed, null), 404, "DEVICE_NOT_FOUND");
            assertProblem(web.get(commands + malformed), 401, "NOT_AUTHENTICATED");
        }

        String adas = web.as(ada, "PUT", DEVICE + "/sensitivity", new JsonObject().put("sensitivity", "LOW")).json()
                .getString("commandId");
        assertProblem(web.as(bob, "GET", commands + adas, null), 404, "DEVICE_NOT_FOUND");
        assertThat(web.as(ada, "GET", commands + adas, null).status()).isEqualTo(200);
    }

    @Test
    void aMalformedOutletGroupIsOneTheDeviceDoesNotHaveAfterTheDevicesOwnRefusals() {
        String grace = web.coworkerOf(ada, "grace@example.com", PASSWORD);
        String bob = otherAccount();
        String malformed = DEVICE + "/outlet-groups/" + "SOG1%20" + "/reboot";
        String tooLong = DEVICE + "/outlet-groups/" + "S".repeat(17) + "/reboot";

        assertProblem(web.as(ada, "POST", malformed, null), 403, "TWO_FACTOR_REQUIRED");
        assertProblem(web.as(grace, "POST", malformed, null), 403, "NOT_DEVICE_OWNER");
        assertProblem(web.as(bob, "POST", malformed, null), 404, "DEVICE_NOT_FOUND");
        assertProblem(web.as(bob, "POST", DEVICE + "/outlet-groups/SOG1/reboot", null), 404, "DEVICE_NOT_FOUND");
        assertProblem(web.send("POST", malformed, null, null), 401, "NOT_AUTHENTICATED");

        String secret = web.as(ada, "POST", "/api/v1/me/two-factor/enrolment", new JsonObject().put("method", "TOTP"))
                .json().getString("secret");
        assertThat(web.as(ada, "POST", "/api/v1/me/two-factor/enrolment/confirmation",
                new JsonObject().put("code", web.totpNow(secret))).status()).isEqualTo(200);
        for (String path : List.of(malformed, tooLong)) {
            Answer unknown = web.as(ada, "POST", path, null);
            assertProblem(unknown, 400, "UNKNOWN_OUTLET_GROUP");
            assertThat(unknown.json().getJsonArray("outletGroups")).as("the groups the device has").isNotEmpty();
        }
        assertThat(web.deviceCommands.all()).as("nothing was rebooted").isEmpty();
    }

    @Test
    void aCsrfTokenThatIsNoneIsRefusedAsAWrongOne() {
        JsonObject login = web.logIn("ada@example.com", PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String csrf = login.getString("csrfToken");
        String bob = otherAccount();
        JsonObject sensitivity = new JsonObject().put("sensitivity", "LOW");
        String path = DEVICE + "/sensitivity";
        String body = sensitivity.encode();

        for (String malformed : List.of("x", csrf + "=", "A".repeat(4000))) {
            assertProblem(web.send("PUT", path, "application/json", body, "Cookie", cookie, "X-CSRF-Token", malformed),
                    403, "CSRF_TOKEN_INVALID");
            assertProblem(web.as(ada, "PUT", path, sensitivity, "X-CSRF-Token", malformed), 403, "CSRF_TOKEN_INVALID");
            assertProblem(web.send("PUT", path, "application/json", body, "X-CSRF-Token", malformed), 401,
                    "NOT_AUTHENTICATED");
        }
        String wellFormed = "B".repeat(43);
        assertProblem(web.send("PUT", path, "application/json", body, "Cookie", cookie, "X-CSRF-Token", wellFormed),
                403, "CSRF_TOKEN_INVALID");
        assertProblem(web.as(bob, "PUT", path, sensitivity, "X-CSRF-Token", wellFormed), 404, "DEVICE_NOT_FOUND");
        Answer withBearer = web.as(ada, "PUT", path, sensitivity, "X-CSRF-Token", wellFormed);
        assertThat(withBearer.status()).as("a bearer token needs no CSRF token: " + withBearer.body()).isEqualTo(202);
        Answer withCookie = web.send("PUT", path, "application/json", body, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(withCookie.status()).as(withCookie.body()).isEqualTo(202);
    }

    @Test
    void aLinkTokenThatIsNoneIsAnUnknownOne() {
        for (String malformed : List.of("not-a-token", "x".repeat(2000), "A".repeat(42) + "=")) {
            assertProblem(web.get("/api/v1/coworker-invitations/" + malformed), 410, "INVITATION_EXPIRED");
            assertThat(web.get("/notifications/unsubscribe?token=" + malformed).status()).isEqualTo(404);
            assertThat(web.get("/notifications/enable?token=" + malformed).status()).isEqualTo(404);
        }
        assertProblem(web.get("/api/v1/coworker-invitations/" + "A".repeat(43)), 410, "INVITATION_EXPIRED");
    }

    @Test
    void aMalformedRegistrationIdIsUnknown() {
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1", "x".repeat(2000),
                "0d3a1f4e-8c2b-4b7a-9e61-5f2d8c7a3b10-0")) {
            assertProblem(web.get("/api/v1/registrations/" + malformed), 404, "REGISTRATION_NOT_FOUND");
            assertProblem(web.postJson("/api/v1/registrations/" + malformed + "/code", new JsonObject()), 404,
                    "REGISTRATION_NOT_FOUND");
        }
    }

    private String otherAccount() {
        web.verifiedAccount("bob@example.com", "Bob");
        return web.logIn("bob@example.com", PASSWORD).json().getString("token");
    }

    private static void assertFieldError(Answer answer, String field, String code) {
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.errors()).singleElement().satisfies(error -> {
            assertThat(error.getString("field")).isEqualTo(field);
            assertThat(error.getString("code")).isEqualTo(code);
            assertThat(error.getString("message")).isNotBlank();
        });
    }
}
