package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
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
    private static final String EVENTS = "/api/v1/devices/" + UPS + "/events";

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

    private static void assertFieldError(Answer answer, String field, String code) {
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.errors()).singleElement().satisfies(error -> {
            assertThat(error.getString("field")).isEqualTo(field);
            assertThat(error.getString("code")).isEqualTo(code);
            assertThat(error.getString("message")).isNotBlank();
        });
    }
}
