package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/v1/me/password}: the logged-in change of password. */
class ChangePasswordTest {

    private static final String ADA = "ada@example.com";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String NEW_PASSWORD = "Zebra#Crossing9";
    private static final String PATH = "/api/v1/me/password";

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        web.verifiedAccount(ADA, "Ada");
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String token = logIn(PASSWORD);

        Answer answer = change(token, "Wr0ng!Password", NEW_PASSWORD);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("CURRENT_PASSWORD_INCORRECT");
        assertThat(answer.json().getString("detail")).isEqualTo("The current password is not correct.");
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aWeakNewPasswordListsEveryRuleItBreaks() {
        String token = logIn(PASSWORD);

        Answer answer = change(token, PASSWORD, "ada");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.errorFields()).containsOnly("newPassword").hasSize(4);
        assertThat(answer.errors()).extracting(e -> e.getString("code")).containsExactly("PASSWORD_TOO_SHORT",
                "PASSWORD_CONTAINS_NAME", "PASSWORD_TOO_FEW_CHARACTER_TYPES", "PASSWORD_CONTAINS_EMAIL");
        assertThat(answer.body()).doesNotContain("\"ada\"");
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void aMissingFieldIsAValidationFailure() {
        String token = logIn(PASSWORD);

        Answer answer = web.send("PUT", PATH, "application/json", new JsonObject().put("currentPassword", PASSWORD).encode(),
                "Authorization", "Bearer " + token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errors()).containsExactly(new JsonObject().put("field", "newPassword")
                .put("code", "FIELD_REQUIRED").put("message", "Please enter a new password."));
    }

    @Test
    void aChangeKeepsThisSessionAndEndsTheOthers() {
        String other = logIn(PASSWORD);
        String mine = logIn(PASSWORD);

        Answer answer = change(mine, PASSWORD, NEW_PASSWORD);

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(me("Bearer " + other).status()).isEqualTo(401);
        assertThat(me("Bearer " + mine).status()).isEqualTo(200);
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(401);
        assertThat(web.logIn(ADA, NEW_PASSWORD).status()).isEqualTo(201);
        assertThat(web.mails(MailTemplate.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void byCookieTheChangeNeedsTheCsrfToken() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String body = new JsonObject().put("currentPassword", PASSWORD).put("newPassword", NEW_PASSWORD).encode();

        Answer without = web.send("PUT", PATH, "application/json", body, "Cookie", cookie);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);

        Answer with = web.send("PUT", PATH, "application/json", body, "Cookie", cookie,
                "X-CSRF-Token", login.getString("csrfToken"));

        assertThat(with.status()).as(with.body()).isEqualTo(204);
        assertThat(web.logIn(ADA, NEW_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void withoutASessionTheChangeAsksForALogin() {
        String body = new JsonObject().put("currentPassword", PASSWORD).put("newPassword", NEW_PASSWORD).encode();

        List<Answer> refused = List.of(
                web.send("PUT", PATH, "application/json", body),
                web.send("PUT", PATH, "application/json", body, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
        }
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void guessingTheCurrentPasswordOfALiveSessionIsThrottledLikeALogin() {
        String token = logIn(PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(change(token, "Wr0ng!pass" + i, "Kestrel#Harbour9").code()).isEqualTo("CURRENT_PASSWORD_INCORRECT");
        }
        Answer throttled = change(token, PASSWORD, "Kestrel#Harbour9");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("PASSWORD_CHECK_THROTTLED");
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
    }

    private String logIn(String password) {
        Answer login = web.logIn(ADA, password);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    private Answer change(String token, String current, String next) {
        return web.send("PUT", PATH, "application/json",
                new JsonObject().put("currentPassword", current).put("newPassword", next).encode(),
                "Authorization", "Bearer " + token);
    }

    private Answer me(String authorization) {
        return web.send("GET", "/api/v1/me", null, null, "Authorization", authorization);
    }
}
