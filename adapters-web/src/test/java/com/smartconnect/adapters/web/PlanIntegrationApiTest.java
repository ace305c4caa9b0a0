package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The integration endpoint of devices' plans ({@code /api/v1/integration/devices/{productId}/plan}), over HTTP with
 * the real plan service: other applications activate, extend and read a device's plan with their integration key,
 * and only with it.
 */
class PlanIntegrationApiTest {

    private static final String UPS = "AS2104123456";
    private static final String OTHER_UPS = "AS2104999999";
    private static final String PLAN = "/api/v1/integration/devices/" + UPS + "/plan";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ALL_FEATURES_JSON =
            "[\"STATUS_MONITORING\",\"EMAIL_EVENT_NOTIFICATIONS\",\"EVENT_LOG\",\"REMOTE_OUTLET_REBOOT\"]";
    private static final JsonArray STANDARD_FEATURES = new JsonArray()
            .add("STATUS_MONITORING").add("EMAIL_EVENT_NOTIFICATIONS").add("EVENT_LOG");

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.manufactured(UPS);
        web.manufactured(OTHER_UPS);
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    // Changing and reading a plan

    @Test
    void anActivationThenAnExtensionAreInForceAtOnceAndInTheHistoryWithTheIntegrationAsSource() {
        // Registered on 2026-11-20: twelve months free.
        web.planService.startFreePeriodIfFirst(new ProductId(UPS));
        JsonObject freePeriod = new JsonObject()
                .put("plan", "FREE_PERIOD")
                .put("changedAt", "2026-11-20T08:00:00Z")
                .put("endsAt", "2027-11-20T08:00:00Z")
                .put("reason", "FREE_PERIOD_STARTED")
                .put("source", "portal");
        assertThat(get(PLAN, WebApiFixture.STORE_KEY).json().getJsonArray("features").encode())
                .isEqualTo(ALL_FEATURES_JSON);

        web.clock.advance(Duration.ofDays(11));
        Answer activated = put(PLAN, WebApiFixture.STORE_KEY, plan("STANDARD", "2027-12-31"));

        JsonObject activation = new JsonObject()
                .put("plan", "STANDARD")
                .put("changedAt", "2026-12-01T08:00:00Z")
                .put("endsAt", "2028-01-01T00:00:00Z")
                .put("reason", "ACTIVATED")
                .put("source", WebApiFixture.STORE);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.header("Content-Type")).isEqualTo("application/json");
        assertThat(activated.json()).isEqualTo(new JsonObject()
                .put("productId", UPS)
                .put("plan", "STANDARD")
                .put("endsAt", "2028-01-01T00:00:00Z")
                .put("features", STANDARD_FEATURES)
                .put("history", new JsonArray().add(freePeriod).add(activation)));
        assertThat(get(PLAN, WebApiFixture.STORE_KEY).json()).isEqualTo(activated.json());

        web.clock.advance(Duration.ofDays(300));
        Answer extended = put(PLAN, WebApiFixture.RESELLER_SYSTEM_KEY, plan("STANDARD", "2028-12-31"));

        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json()).isEqualTo(new JsonObject()
                .put("productId", UPS)
                .put("plan", "STANDARD")
                .put("endsAt", "2029-01-01T00:00:00Z")
                .put("features", STANDARD_FEATURES)
                .put("history", new JsonArray().add(freePeriod).add(activation).add(new JsonObject()
                        .put("plan", "STANDARD")
                        .put("changedAt", "2027-09-27T08:00:00Z")
                        .put("endsAt", "2029-01-01T00:00:00Z")
                        .put("reason", "EXTENDED")
                        .put("source", WebApiFixture.RESELLER_SYSTEM))));
        // Each key reads the same device, and each change was made by the integration whose key it was.
        assertThat(get(PLAN, WebApiFixture.RESELLER_SYSTEM_KEY).json()).isEqualTo(extended.json());
        assertThat(get(PLAN, WebApiFixture.STORE_KEY).json()).isEqualTo(extended.json());
    }

    @Test
    void aPlanCanBeSoldBeforeTheDeviceIsRegisteredAndItsProductIdIsReadAsTyped() {
        assertProblem(get(PLAN, WebApiFixture.STORE_KEY), 404, "PLAN_NOT_FOUND");

        Answer activated = put("/api/v1/integration/devices/as21-0412-3456/plan", WebApiFixture.STORE_KEY,
                new JsonObject().put("plan", "advanced").put("endsOn", " 2027-06-30 "));

        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().getString("productId")).isEqualTo(UPS);
        assertThat(activated.json().getString("plan")).isEqualTo("ADVANCED");
        assertThat(activated.json().getString("endsAt")).isEqualTo("2027-07-01T00:00:00Z");
        assertThat(activated.json().getJsonArray("features").encode()).isEqualTo(ALL_FEATURES_JSON);
        assertThat(activated.json().getJsonArray("history")).hasSize(1);
        assertThat(get("/api/v1/integration/devices/as21%200412%203456/plan", WebApiFixture.STORE_KEY).json())
                .isEqualTo(activated.json());
    }

    @Test
    void basicHasNoEndDateAndMonitorsStatusOnly() {
        Answer basic = put(PLAN, WebApiFixture.STORE_KEY, new JsonObject().put("plan", "BASIC"));

        assertThat(basic.status()).as(basic.body()).isEqualTo(200);
        assertThat(basic.json()).isEqualTo(new JsonObject()
                .put("productId", UPS)
                .put("plan", "BASIC")
                .put("features", new JsonArray().add("STATUS_MONITORING"))
                .put("history", new JsonArray().add(new JsonObject()
                        .put("plan", "BASIC")
                        .put("changedAt", "2026-11-20T08:00:00Z")
                        .put("reason", "ACTIVATED")
                        .put("source", WebApiFixture.STORE))));
        // A null end date is no end date.
        Answer again = put(PLAN, WebApiFixture.STORE_KEY, new JsonObject().put("plan", "BASIC").putNull("endsOn"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }

    @Test
    void aPlanRunsToTheEndOfTodayAtTheEarliest() {
        Answer today = put(PLAN, WebApiFixture.STORE_KEY, plan("STANDARD", "2026-11-20"));

        assertThat(today.status()).as(today.body()).isEqualTo(200);
        assertThat(today.json().getString("endsAt")).isEqualTo("2026-11-21T00:00:00Z");
    }

    // Refusals

    @Test
    void eachInvalidFieldIsAValidationErrorWithTheUseCaseCodeAndNothingChanges() {
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("GOLD", "2027-12-31")),
                Map.of("plan", "INVALID_PLAN"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("FREE_PERIOD", "2027-12-31")),
                Map.of("plan", "INVALID_PLAN"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, new JsonObject().put("endsOn", "2027-12-31")),
                Map.of("plan", "INVALID_PLAN"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, new JsonObject().put("plan", "STANDARD")),
                Map.of("endsOn", "END_DATE_REQUIRED"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("ADVANCED", "")),
                Map.of("endsOn", "END_DATE_REQUIRED"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("STANDARD", "2026-11-19")),
                Map.of("endsOn", "END_DATE_IN_PAST"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("STANDARD", "31/12/2027")),
                Map.of("endsOn", "INVALID_DATE"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("STANDARD", "2027-02-30")),
                Map.of("endsOn", "INVALID_DATE"));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, plan("BASIC", "2027-12-31")),
                Map.of("endsOn", "END_DATE_NOT_ALLOWED"));
        assertValidationFailed(put("/api/v1/integration/devices/AS21/plan", WebApiFixture.STORE_KEY,
                plan("STANDARD", "2027-12-31")), Map.of("productId", "INVALID_PRODUCT_ID"));
        // Every invalid field at once.
        assertValidationFailed(put("/api/v1/integration/devices/AS21/plan", WebApiFixture.STORE_KEY,
                plan("GOLD", "2027-12-31")), Map.of("productId", "INVALID_PRODUCT_ID", "plan", "INVALID_PLAN"));

        assertProblem(get(PLAN, WebApiFixture.STORE_KEY), 404, "PLAN_NOT_FOUND");
        assertThat(web.plans.history(new ProductId(UPS))).isEmpty();
    }

    @Test
    void fieldsOfTheWrongTypeAreRefusedByTheContractAsValidationErrors() {
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY, new JsonObject().put("plan", 42)),
                Map.of("plan", SchemaFieldErrors.FIELD_INVALID));
        assertValidationFailed(put(PLAN, WebApiFixture.STORE_KEY,
                new JsonObject().put("plan", "STANDARD").put("endsOn", 20271231)),
                Map.of("endsOn", SchemaFieldErrors.FIELD_INVALID));
        assertProblem(web.send("PUT", PLAN, "application/json", "[]", "Authorization", bearer(WebApiFixture.STORE_KEY)),
                400, "MALFORMED_JSON");
        assertProblem(web.send("PUT", PLAN, null, null, "Authorization", bearer(WebApiFixture.STORE_KEY)),
                400, "MALFORMED_JSON");
        assertProblem(web.send("PUT", PLAN, "text/plain", "plan=STANDARD", "Authorization",
                bearer(WebApiFixture.STORE_KEY)), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(web.plans.history(new ProductId(UPS))).isEmpty();
    }

    @Test
    void aProductIdOfADeviceNotInTheCatalogIsNotFound() {
        String unknown = "/api/v1/integration/devices/ZZ9999999999/plan";

        assertProblem(put(unknown, WebApiFixture.STORE_KEY, plan("STANDARD", "2027-12-31")), 404, "DEVICE_NOT_FOUND");
        assertProblem(get(unknown, WebApiFixture.STORE_KEY), 404, "PLAN_NOT_FOUND");
        assertValidationFailed(get("/api/v1/integration/devices/AS2104-12345/plan", WebApiFixture.STORE_KEY),
                Map.of("productId", "INVALID_PRODUCT_ID"));
    }

    @Test
    void aDeviceWithoutAPlanYetHasNoPlanToRead() {
        Answer answer = get("/api/v1/integration/devices/" + OTHER_UPS + "/plan", WebApiFixture.STORE_KEY);

        assertProblem(answer, 404, "PLAN_NOT_FOUND");
        assertThat(answer.json().getString("detail")).isEqualTo(
                "This device has no plan yet: it was never registered, nor was a plan activated for it.");
    }

    // Authentication

    @Test
    void aMissingKeyAndAWrongKeyGetTheVerySameAnswer() {
        web.planService.startFreePeriodIfFirst(new ProductId(UPS));
        JsonObject body = plan("STANDARD", "2027-12-31");
        List<Answer> refused = new ArrayList<>();
        for (String method : List.of("GET", "PUT")) {
            String content = method.equals("PUT") ? body.encode() : null;
            String type = method.equals("PUT") ? "application/json" : null;
            refused.add(web.send(method, PLAN, type, content));
            refused.add(web.send(method, PLAN, type, content, "Authorization", bearer("not-a-key")));
            refused.add(web.send(method, PLAN, type, content, "Authorization", "Bearer "));
            refused.add(web.send(method, PLAN, type, content, "Authorization", "Bearer"));
            refused.add(web.send(method, PLAN, type, content, "Authorization", bearer(WebApiFixture.STORE_KEY + "x")));
            refused.add(web.send(method, PLAN, type, content, "Authorization",
                    bearer(WebApiFixture.STORE_KEY.substring(0, WebApiFixture.STORE_KEY.length() - 1))));
            refused.add(web.send(method, PLAN, type, content, "Authorization",
                    bearer(WebApiFixture.STORE_KEY.toUpperCase(java.util.Locale.ROOT))));
            refused.add(web.send(method, PLAN, type, content, "Authorization", "Basic " + WebApiFixture.STORE_KEY));
            refused.add(web.send(method, PLAN, type, content, "Authorization", WebApiFixture.STORE_KEY));
            // The name of an integration is not its key.
            refused.add(web.send(method, PLAN, type, content, "Authorization", bearer(WebApiFixture.STORE)));
            refused.add(web.send(method, PLAN, type, content, "X-Api-Key", WebApiFixture.STORE_KEY));
        }

        Answer first = refused.get(0);
        assertProblem(first, 401, "INTEGRATION_KEY_INVALID");
        assertThat(first.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"smartconnect-integration\"");
        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(first.body());
            assertThat(answer.header("WWW-Authenticate")).isEqualTo(first.header("WWW-Authenticate"));
            assertThat(answer.body()).doesNotContain(WebApiFixture.STORE_KEY).doesNotContain("not-a-key");
        }
        assertThat(web.plans.history(new ProductId(UPS))).hasSize(1);
    }

    @Test
    void withoutAValidKeyARequestIsRefusedBeforeItsBodyIsChecked() {
        Answer invalidBody = web.send("PUT", PLAN, "application/json", new JsonObject().put("plan", 42).encode());
        Answer unknownDevice = web.send("PUT", "/api/v1/integration/devices/ZZ9999999999/plan", "application/json",
                plan("STANDARD", "2027-12-31").encode(), "Authorization", bearer("not-a-key"));
        Answer badProductId = web.send("GET", "/api/v1/integration/devices/AS21/plan", null, null);

        for (Answer answer : List.of(invalidBody, unknownDevice, badProductId)) {
            assertProblem(answer, 401, "INTEGRATION_KEY_INVALID");
        }
    }

    @Test
    void aSessionDoesNotOpenTheIntegrationEndpoint() {
        web.verifiedAccount("ada@example.com", "Ada");
        JsonObject login = web.logIn("ada@example.com", PASSWORD).json();
        String token = login.getString("token");
        String csrf = login.getString("csrfToken");
        assertThat(web.send("GET", "/api/v1/me", null, null, "Authorization", bearer(token)).status()).isEqualTo(200);
        String body = plan("STANDARD", "2027-12-31").encode();

        List<Answer> refused = List.of(
                web.send("PUT", PLAN, "application/json", body, "Authorization", bearer(token)),
                web.send("GET", PLAN, null, null, "Authorization", bearer(token)),
                web.send("PUT", PLAN, "application/json", body,
                        "Cookie", "smartconnect_session=" + token + "; smartconnect_csrf=" + csrf, "X-CSRF-Token", csrf),
                web.send("GET", PLAN, null, null, "Cookie", "smartconnect_session=" + token));

        Answer anonymous = web.send("GET", PLAN, null, null);
        for (Answer answer : refused) {
            assertProblem(answer, 401, "INTEGRATION_KEY_INVALID");
            assertThat(answer.body()).isEqualTo(anonymous.body());
        }
        assertThat(web.plans.history(new ProductId(UPS))).isEmpty();
    }

    @Test
    void anIntegrationKeyOpensNothingButTheIntegrationEndpoints() {
        web.verifiedAccount("ada@example.com", "Ada");

        List<Answer> refused = List.of(
                web.send("GET", "/api/v1/me", null, null, "Authorization", bearer(WebApiFixture.STORE_KEY)),
                web.send("PATCH", "/api/v1/me", "application/json", new JsonObject().put("jobRole", "CTO").encode(),
                        "Authorization", bearer(WebApiFixture.STORE_KEY)),
                web.send("GET", "/api/v1/reseller", null, null, "Authorization", bearer(WebApiFixture.STORE_KEY)),
                web.send("GET", "/api/v1/me", null, null, "Cookie", "smartconnect_session=" + WebApiFixture.STORE_KEY));

        for (Answer answer : refused) {
            assertProblem(answer, 401, "NOT_AUTHENTICATED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void withoutConfiguredIntegrationsTheEndpointsRefuseEveryone() throws Exception {
        try (WebApiFixture closed = WebApiFixture.startWithIntegrationKeys(Map.of())) {
            closed.manufactured(UPS);

            List<Answer> refused = List.of(
                    closed.send("GET", PLAN, null, null),
                    closed.send("GET", PLAN, null, null, "Authorization", bearer(WebApiFixture.STORE_KEY)),
                    closed.send("GET", PLAN, null, null, "Authorization", "Bearer "),
                    closed.send("PUT", PLAN, "application/json", plan("STANDARD", "2027-12-31").encode(),
                            "Authorization", bearer(WebApiFixture.STORE_KEY)));

            for (Answer answer : refused) {
                assertProblem(answer, 401, "INTEGRATION_KEY_INVALID");
            }
            assertThat(closed.plans.history(new ProductId(UPS))).isEmpty();
        }
    }

    @Test
    void theContractDocumentsTheIntegrationOperationsWithTheirOwnSecurityScheme() {
        Answer answer = web.get("/api/openapi.yaml");
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(answer.body());
        JsonObject contract = new JsonObject(document);

        JsonObject scheme = contract.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("integrationKey");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        JsonObject path = contract.getJsonObject("paths").getJsonObject("/api/v1/integration/devices/{productId}/plan");
        for (String method : List.of("get", "put")) {
            JsonObject operation = path.getJsonObject(method);
            assertThat(operation.getJsonArray("tags")).containsExactly("integration");
            assertThat(operation.getJsonArray("security"))
                    .isEqualTo(new JsonArray().add(new JsonObject().put("integrationKey", new JsonArray())));
            assertThat(operation.getJsonObject("responses").fieldNames()).contains("200", "400", "401", "404");
        }
        assertThat(path.getJsonObject("get").getString("operationId")).isEqualTo("getDevicePlan");
        assertThat(path.getJsonObject("put").getString("operationId")).isEqualTo("changeDevicePlan");
    }

    private static JsonObject plan(String plan, String endsOn) {
        return new JsonObject().put("plan", plan).put("endsOn", endsOn);
    }

    private static String bearer(String key) {
        return "Bearer " + key;
    }

    private Answer put(String path, String key, JsonObject body) {
        return web.send("PUT", path, "application/json", body.encode(), "Authorization", bearer(key));
    }

    private Answer get(String path, String key) {
        return web.send("GET", path, null, null, "Authorization", bearer(key));
    }

    /** A VALIDATION_FAILED problem with exactly these fields in error, each with its code and a message. */
    private static void assertValidationFailed(Answer answer, Map<String, String> codesByField) {
        assertProblem(answer, 400, "VALIDATION_FAILED");
        Map<String, String> codes = new java.util.HashMap<>();
        for (JsonObject error : answer.errors()) {
            codes.put(error.getString("field"), error.getString("code"));
            assertThat(error.getString("message")).isNotBlank();
        }
        assertThat(codes).isEqualTo(codesByField);
    }
}
