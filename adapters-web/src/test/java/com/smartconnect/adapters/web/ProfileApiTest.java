package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "My Profile": {@code GET /api/v1/me} shows it, {@code PATCH /api/v1/me} changes the fields it is given. */
class ProfileApiTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADA = "ada@example.com";
    private static final String GRACE = "grace@example.com";

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    @Test
    void aNewAccountSpeaksEnglishAndHasNoPhoneOrJobRole() {
        String token = loggedIn(ADA, "Ada");

        Answer me = getMe(token);

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().getString("language")).isEqualTo("en");
        assertThat(me.json().containsKey("phone")).isFalse();
        assertThat(me.json().containsKey("jobRole")).isFalse();
    }

    @Test
    void aChangeAnswersTheProfileAsItIsNowAndLaterReadsShowIt() {
        String token = loggedIn(ADA, "Ada");
        JsonObject before = getMe(token).json();

        Answer changed = patchMe(token, new JsonObject()
                .put("firstName", "Augusta")
                .put("language", "FR")
                .put("phone", "  +44 20  7946 0958 ")
                .put("jobRole", "Chief Analyst"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonObject expected = before.copy()
                .put("firstName", "Augusta")
                .put("language", "fr")
                .put("phone", "+44 20 7946 0958")
                .put("jobRole", "Chief Analyst");
        assertThat(changed.json()).isEqualTo(expected);
        Answer after = getMe(token);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json()).isEqualTo(expected);
    }

    @Test
    void anEmptyBodyChangesNothing() {
        String token = loggedIn(ADA, "Ada");
        JsonObject before = getMe(token).json();

        Answer unchanged = patchMe(token, new JsonObject());

        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.json()).isEqualTo(before);
    }

    @Test
    void anEmptyPhoneOrJobRoleClearsItAndLeavesTheOtherFieldsAlone() {
        String token = loggedIn(ADA, "Ada");
        patchMe(token, new JsonObject().put("language", "de").put("phone", "+49 30 1234567").put("jobRole", "Buyer"));

        Answer cleared = patchMe(token, new JsonObject().put("phone", ""));

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().containsKey("phone")).isFalse();
        assertThat(cleared.json().getString("jobRole")).isEqualTo("Buyer");
        assertThat(cleared.json().getString("language")).isEqualTo("de");
        Answer noRole = patchMe(token, new JsonObject().put("jobRole", ""));
        assertThat(noRole.json().containsKey("jobRole")).isFalse();
        assertThat(getMe(token).json()).isEqualTo(noRole.json());
    }

    @Test
    void invalidFieldsAreEachReportedOnceAndNothingIsSaved() {
        String token = loggedIn(ADA, "Ada");
        JsonObject before = getMe(token).json();

        Answer refused = patchMe(token, new JsonObject()
                .put("firstName", "   ")
                .put("lastName", "Byron")
                .put("language", "xx")
                .put("phone", "call me"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("firstName", "language", "phone");
        assertThat(refused.errors()).anySatisfy(error -> assertThat(error).isEqualTo(new JsonObject()
                .put("field", "firstName").put("code", "FIELD_REQUIRED").put("message", "Please enter first name.")));
        assertThat(refused.errors()).anySatisfy(error -> {
            assertThat(error.getString("field")).isEqualTo("language");
            assertThat(error.getString("code")).isEqualTo("INVALID_LANGUAGE");
        });
        assertThat(refused.errors()).anySatisfy(error -> {
            assertThat(error.getString("field")).isEqualTo("phone");
            assertThat(error.getString("code")).isEqualTo("INVALID_PHONE");
        });
        assertThat(getMe(token).json()).isEqualTo(before);
    }

    @Test
    void theContractRefusesOverlongFieldsAndAPartialCompany() {
        String token = loggedIn(ADA, "Ada");

        Answer overlong = patchMe(token, new JsonObject().put("phone", "1".repeat(41)).put("language", "en-GB-oxendict"));
        Answer partial = patchMe(token, new JsonObject().put("company", new JsonObject().put("name", "Engines Ltd")));

        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(overlong.errors()).containsExactlyInAnyOrder(
                new JsonObject().put("field", "phone").put("code", "FIELD_TOO_LONG")
                        .put("message", "The phone number must be at most 40 characters long."),
                new JsonObject().put("field", "language").put("code", "FIELD_TOO_LONG")
                        .put("message", "The language must be at most 8 characters long."));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(partial.errorFields()).contains("company.city", "company.country").doesNotContain("company.name");
    }

    @Test
    void theCompanyPageIsReplacedWholeAndAnotherAccountKeepsItsOwnProfile() {
        String ada = loggedIn(ADA, "Ada");
        String grace = loggedIn(GRACE, "Grace");
        JsonObject graceBefore = getMe(grace).json();
        JsonObject company = new JsonObject()
                .put("name", "Difference Engines plc")
                .put("businessType", "Installer")
                .put("areaOfFocus", "Calculation")
                .put("address", "1 Rue de Rivoli")
                .put("city", "Paris")
                .put("zipCode", "75001")
                .put("stateProvince", "Ile-de-France")
                .put("country", "FR");

        Answer changed = patchMe(ada, new JsonObject().put("company", company));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        // The industry segment it had is gone: the page is given whole, and this one has none.
        assertThat(changed.json().getJsonObject("company")).isEqualTo(company);
        assertThat(changed.json().getString("firstName")).isEqualTo("Ada");
        assertThat(getMe(ada).json().getJsonObject("company")).isEqualTo(company);
        assertThat(getMe(grace).json()).isEqualTo(graceBefore);
        assertThat(graceBefore.getJsonObject("company").getString("name")).isEqualTo("Analytical Engines Ltd");
    }

    @Test
    void byCookieAChangeNeedsTheCsrfToken() {
        web.verifiedAccount(ADA, "Ada");
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String body = new JsonObject().put("firstName", "Augusta").encode();

        Answer without = web.send("PATCH", "/api/v1/me", "application/json", body, "Cookie", cookie);
        Answer with = web.send("PATCH", "/api/v1/me", "application/json", body,
                "Cookie", cookie, "X-CSRF-Token", login.getString("csrfToken"));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(with.status()).as(with.body()).isEqualTo(200);
        assertThat(with.json().getString("firstName")).isEqualTo("Augusta");
    }

    @Test
    void aRefusedCsrfCheckSavesNothing() {
        web.verifiedAccount(ADA, "Ada");
        String token = web.logIn(ADA, PASSWORD).json().getString("token");

        web.send("PATCH", "/api/v1/me", "application/json", new JsonObject().put("firstName", "Augusta").encode(),
                "Cookie", "smartconnect_session=" + token);

        assertThat(getMe(token).json().getString("firstName")).isEqualTo("Ada");
    }

    @Test
    void withoutALiveSessionAChangeAsksForALogin() {
        String body = new JsonObject().put("firstName", "Augusta").encode();

        List<Answer> refused = List.of(
                web.send("PATCH", "/api/v1/me", "application/json", body),
                web.send("PATCH", "/api/v1/me", "application/json", body, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void aChangeMustBeAJsonObject() {
        String token = loggedIn(ADA, "Ada");

        Answer notJson = web.send("PATCH", "/api/v1/me", "text/plain", "firstName=Augusta",
                "Authorization", "Bearer " + token);
        Answer nullField = patchMe(token, new JsonObject().putNull("phone"));

        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(nullField.status()).isEqualTo(400);
        assertThat(nullField.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(nullField.errorFields()).containsExactly("phone");
    }

    @Test
    void aSessionWhoseAccountWasDeletedMeanwhileIsAnsweredAsEndedNotAsAnError() {
        String token = loggedIn(ADA, "Ada");
        web.accounts.delete(web.accounts.findByEmail(new com.smartconnect.domain.account.EmailAddress(ADA))
                .orElseThrow().id());

        Answer changed = patchMe(token, new JsonObject().put("firstName", "Augusta"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(401);
        assertThat(changed.code()).isEqualTo("NOT_AUTHENTICATED");
    }

    private String loggedIn(String email, String firstName) {
        web.verifiedAccount(email, firstName);
        Answer login = web.logIn(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    private Answer getMe(String token) {
        return web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
    }

    private Answer patchMe(String token, JsonObject body) {
        return web.send("PATCH", "/api/v1/me", "application/json", body.encode(), "Authorization", "Bearer " + token);
    }
}
