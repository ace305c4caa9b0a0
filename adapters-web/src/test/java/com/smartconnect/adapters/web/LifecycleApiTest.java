package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle events of a UPS and the customer's reminder to the reseller, over a real socket. */
class LifecycleApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String BOB = "bob@example.com";
    private static final String UPS = "AS2104123456";
    private static final String LIFECYCLE = "/api/v1/devices/" + UPS + "/lifecycle";
    private static final String REX = "rex@reseller.example";

    private WebApiFixture web;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.verifiedAccount(ADA, "Ada");
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
        // Battery APCRBC159 installed 2023-03-01: replace by 2027-03-01; warranty to 2027-03-01. Today 2026-11-20.
        web.connectedDevice(UPS);
        Answer registered = web.as(ada, "POST", "/api/v1/devices",
                new JsonObject().put("productId", UPS).put("productKey", WebApiFixture.PRODUCT_KEY));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private void connectReseller() {
        Answer invited = web.as(ada, "POST", "/api/v1/reseller/invitation", new JsonObject().put("email", REX));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String accept = web.lastMail(MailTemplate.RESELLER_INVITATION).values().get("acceptToken");
        assertThat(web.submitForm("/reseller/accept", Map.of("token", accept)).status()).isEqualTo(200);
    }

    @Test
    void theStatusPageListsTheBatteryAndWarrantyEvents() {
        Answer events = web.as(ada, "GET", LIFECYCLE, null);

        assertThat(events.status()).as(events.body()).isEqualTo(200);
        JsonArray list = events.json().getJsonArray("events");
        assertThat(list).hasSize(2);
        assertThat(list.getJsonObject(0).getMap()).containsEntry("kind", "battery").containsEntry("title",
                "Replace Battery").containsEntry("dueOn", "2027-03-01").containsEntry("past", false)
                .containsEntry("remindable", true);
        assertThat(list.getJsonObject(1).getMap()).containsEntry("kind", "warranty")
                .containsEntry("title", "Warranty Expires on 1 March 2027");

        web.verifiedAccount(BOB, "Bob");
        String bob = web.logIn(BOB, PASSWORD).json().getString("token");
        assertProblem(web.as(bob, "GET", LIFECYCLE, null), 404, "DEVICE_NOT_FOUND");
        assertProblem(web.as(bob, "POST", LIFECYCLE + "/battery/reminder", null), 404, "DEVICE_NOT_FOUND");
    }

    @Test
    void aReminderGoesToTheConnectedResellerOnceADayWithinNinetyDaysOfTheEvent() {
        assertProblem(web.as(ada, "POST", LIFECYCLE + "/battery/reminder", null), 409, "NO_CONNECTED_RESELLER");
        connectReseller();

        Answer sent = web.as(ada, "POST", LIFECYCLE + "/battery/reminder", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().getString("resellerEmail")).isEqualTo(REX);
        OutgoingMail mail = web.lastMail(MailTemplate.RESELLER_CUSTOMER_REMINDER);
        assertThat(mail.to().value()).isEqualTo(REX);
        assertThat(mail.values()).containsEntry("model", "SMT1500RMI2UC").containsEntry("sku", "APCRBC159")
                .containsEntry("dueOn", "2027-03-01").containsEntry("customerEmail", ADA);
        assertProblem(web.as(ada, "POST", LIFECYCLE + "/battery/reminder", null), 429, "REMINDER_ALREADY_SENT_TODAY");
        assertThat(web.as(ada, "POST", LIFECYCLE + "/warranty/reminder", null).status()).as("another event").isEqualTo(202);

        // 2027-05-29: the battery's end of life was 89 days ago.
        web.clock.advance(Duration.ofDays(190));
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
        assertThat(web.as(ada, "POST", LIFECYCLE + "/battery/reminder", null).status()).isEqualTo(202);
        assertThat(web.as(ada, "GET", LIFECYCLE, null).json().getJsonArray("events").getJsonObject(0).getString("title"))
                .isEqualTo("Battery End of Life Exceeded");
        web.clock.advance(Duration.ofDays(1));
        ada = web.logIn(ADA, PASSWORD).json().getString("token");
        Answer tooOld = web.as(ada, "POST", LIFECYCLE + "/battery/reminder", null);
        assertProblem(tooOld, 422, "LIFECYCLE_EVENT_TOO_OLD");
        assertThat(tooOld.json().getString("occurredOn")).isEqualTo("2027-03-01");
        assertProblem(web.as(ada, "POST", LIFECYCLE + "/fan/reminder", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aCoworkerSeesTheEventsButOnlyTheOwnerRemindsTheirReseller() {
        connectReseller();
        String grace = web.coworkerOf(ada, "grace@example.org", PASSWORD);
        int mailsBefore = web.mails(MailTemplate.RESELLER_CUSTOMER_REMINDER).size();

        assertThat(web.as(grace, "GET", LIFECYCLE, null).status()).isEqualTo(200);
        Answer refused = web.as(grace, "POST", LIFECYCLE + "/battery/reminder", null);

        assertProblem(refused, 403, "NOT_DEVICE_OWNER");
        assertThat(refused.body()).doesNotContain(REX);
        assertThat(web.mails(MailTemplate.RESELLER_CUSTOMER_REMINDER)).hasSize(mailsBefore);
    }
}
