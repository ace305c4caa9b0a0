package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code DELETE /api/v1/me}: "Delete My Account", confirmed with the password. */
class DeleteAccountTest {

    private static final String ADA = "ada@example.com";
    private static final String GRACE = "grace@example.com";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String PATH = "/api/v1/me";

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
    void aWrongPasswordDeletesNothing() {
        String token = logIn(ADA);

        Answer answer = delete("Bearer " + token, "Wr0ng!Password");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(answer.json().getString("detail")).isEqualTo("The password is not correct.");
        assertThat(answer.setCookies()).isEmpty();
        assertThat(me("Bearer " + token).status()).isEqualTo(200);
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
        assertThat(web.deletions.deletedAt()).isEmpty();
    }

    @Test
    void theRightPasswordDeletesTheAccountForGoodAndFreesTheAddress() {
        String token = logIn(ADA);

        Answer answer = delete("Bearer " + token, PASSWORD);

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(attributes(answer.setCookie("smartconnect_session")))
                .contains("smartconnect_session=", "Path=/", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=0");
        assertThat(attributes(answer.setCookie("smartconnect_csrf")))
                .contains("smartconnect_csrf=", "Path=/", "Max-Age=0");
        Answer after = me("Bearer " + token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("NOT_AUTHENTICATED");
        Answer login = web.logIn(ADA, PASSWORD);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(web.deletions.deletedAt()).containsExactly(web.clock.instant());
        assertThat(web.mails(MailTemplate.ACCOUNT_DELETED)).hasSize(1);

        Answer signUp = web.postJson("/api/v1/registrations", WebApiFixture.validSignUp());
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(202);
        Answer verified = web.postJson("/api/v1/registrations/" + signUp.json().getString("registrationId")
                + "/verification", new JsonObject().put("code", web.lastCode()));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void everySessionOfTheAccountEndsAndOtherAccountsAreUntouched() {
        web.verifiedAccount(GRACE, "Grace");
        String other = logIn(ADA);
        String mine = logIn(ADA);
        String grace = logIn(GRACE);

        assertThat(delete("Bearer " + mine, PASSWORD).status()).isEqualTo(204);

        assertThat(me("Bearer " + other).status()).isEqualTo(401);
        Answer graceSees = me("Bearer " + grace);
        assertThat(graceSees.status()).as(graceSees.body()).isEqualTo(200);
        assertThat(graceSees.json().getString("email")).isEqualTo(GRACE);
        assertThat(web.logIn(GRACE, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void byCookieTheDeletionNeedsTheCsrfToken() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String body = new JsonObject().put("password", PASSWORD).encode();

        Answer without = web.send("DELETE", PATH, "application/json", body, "Cookie", cookie);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(without.setCookies()).isEmpty();
        assertThat(web.send("GET", PATH, null, null, "Cookie", cookie).status()).isEqualTo(200);

        Answer with = web.send("DELETE", PATH, "application/json", body, "Cookie", cookie,
                "X-CSRF-Token", login.getString("csrfToken"));

        assertThat(with.status()).as(with.body()).isEqualTo(204);
        assertThat(with.setCookie("smartconnect_session")).endsWith("Max-Age=0");
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aMissingPasswordIsAValidationFailureAndAMissingBodyIsMalformed() {
        String token = logIn(ADA);

        Answer answer = web.send("DELETE", PATH, "application/json", new JsonObject().encode(),
                "Authorization", "Bearer " + token);
        Answer noBody = web.send("DELETE", PATH, null, null, "Authorization", "Bearer " + token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.errors()).containsExactly(new JsonObject().put("field", "password")
                .put("code", "FIELD_REQUIRED").put("message", "Please enter a password."));
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.code()).isEqualTo("MALFORMED_JSON");
        assertThat(me("Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void withoutASessionTheDeletionAsksForALogin() {
        String body = new JsonObject().put("password", PASSWORD).encode();

        List<Answer> refused = List.of(
                web.send("DELETE", PATH, "application/json", body),
                web.send("DELETE", PATH, "application/json", body, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    private String logIn(String email) {
        Answer login = web.logIn(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    private Answer delete(String authorization, String password) {
        return web.send("DELETE", PATH, "application/json", new JsonObject().put("password", password).encode(),
                "Authorization", authorization);
    }

    private Answer me(String authorization) {
        return web.send("GET", PATH, null, null, "Authorization", authorization);
    }

    private static List<String> attributes(String setCookie) {
        assertThat(setCookie).isNotNull();
        return List.of(setCookie.split(";\\s*"));
    }
}
