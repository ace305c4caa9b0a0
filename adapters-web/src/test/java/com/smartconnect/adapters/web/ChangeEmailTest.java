package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/me/email} and {@code POST /api/v1/me/email/verification}: the logged-in change of address. */
class ChangeEmailTest {

    private static final String ADA = "ada@example.com";
    private static final String NEW_ADA = "ada.lovelace@example.org";
    private static final String GRACE = "grace@example.com";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String PATH = "/api/v1/me/email";
    private static final String VERIFICATION = "/api/v1/me/email/verification";

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
    void theCodeMailedToTheNewAddressChangesTheAddress() {
        String token = logIn(ADA);

        Answer requested = request(token, PASSWORD, NEW_ADA);

        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json()).isEqualTo(new JsonObject());
        List<OutgoingMail> codes = web.mails(MailTemplate.EMAIL_CHANGE_CODE);
        assertThat(codes).hasSize(1);
        assertThat(codes.get(0).to().value()).isEqualTo(NEW_ADA);
        assertThat(me(token).json().getString("email")).isEqualTo(ADA);

        Answer confirmed = confirm(token, codes.get(0).values().get("code"));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json()).isEqualTo(new JsonObject().put("email", NEW_ADA));
        assertThat(me(token).json().getString("email")).isEqualTo(NEW_ADA);
        assertThat(web.logIn(NEW_ADA, PASSWORD).status()).isEqualTo(201);
        Answer old = web.logIn(ADA, PASSWORD);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aWrongPasswordChangesNothingAndMailsNothing() {
        String token = logIn(ADA);

        Answer answer = request(token, "Wr0ng!Password", NEW_ADA);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(answer.json().getString("detail")).isEqualTo("The password is not correct.");
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();
        assertThat(confirm(token, "123456").code()).isEqualTo("NO_EMAIL_CHANGE_REQUESTED");
    }

    @Test
    void anAddressOfAnotherAccountIsAnsweredAlikeButNeverConfirmed() {
        web.verifiedAccount(GRACE, "Grace");
        String token = logIn(ADA);
        web.random.willDraw("482913");

        Answer answer = request(token, PASSWORD, GRACE);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json()).isEqualTo(new JsonObject());
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_ADDRESS_TAKEN)).extracting(mail -> mail.to().value())
                .containsExactly(GRACE);
        // Even the code that was drawn (and never mailed) is just wrong.
        Answer tried = confirm(token, "482913");
        assertThat(tried.status()).isEqualTo(400);
        assertThat(tried.code()).isEqualTo("CODE_INCORRECT");
        assertThat(tried.json().getInteger("attemptsLeft")).isEqualTo(4);
        assertThat(me(token).json().getString("email")).isEqualTo(ADA);
        assertThat(web.logIn(GRACE, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void theCurrentAddressIsRefused() {
        String token = logIn(ADA);

        Answer answer = request(token, PASSWORD, " ADA@Example.com ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.errors()).containsExactly(new JsonObject().put("field", "newEmail")
                .put("code", "SAME_EMAIL").put("message", "This is already your email address."));
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();
    }

    @Test
    void aMissingOrMalformedAddressReadsLikeThePortal() {
        String token = logIn(ADA);

        Answer missing = web.send("POST", PATH, "application/json", new JsonObject().put("password", PASSWORD).encode(),
                "Authorization", "Bearer " + token);
        Answer blank = request(token, PASSWORD, " ");
        Answer malformed = request(token, PASSWORD, "ada@");

        for (Answer answer : List.of(missing, blank)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errors()).containsExactly(new JsonObject().put("field", "newEmail")
                    .put("code", "EMAIL_REQUIRED").put("message", "Please enter email address"));
        }
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errors()).containsExactly(new JsonObject().put("field", "newEmail")
                .put("code", "INVALID_EMAIL")
                .put("message", "You have entered an invalid email address. Please re-enter the email address."));
    }

    @Test
    void aWrongCodeTellsHowManyTriesAreLeft() {
        String token = logIn(ADA);
        assertThat(request(token, PASSWORD, NEW_ADA).status()).isEqualTo(202);
        String code = web.mails(MailTemplate.EMAIL_CHANGE_CODE).get(0).values().get("code");
        String wrong = code.equals("000000") ? "111111" : "000000";

        Answer answer = confirm(token, wrong);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("CODE_INCORRECT");
        assertThat(answer.json().getInteger("attemptsLeft")).isEqualTo(4);
        assertThat(answer.json().getString("detail"))
                .isEqualTo("The code is not correct. Please check the code in the email and try again.");
        Answer malformed = confirm(token, "12ab");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("INVALID_CODE_FORMAT");
        assertThat(me(token).json().getString("email")).isEqualTo(ADA);
    }

    @Test
    void fiveWrongCodesUseUpTheChange() {
        String token = logIn(ADA);
        assertThat(request(token, PASSWORD, NEW_ADA).status()).isEqualTo(202);
        String code = web.mails(MailTemplate.EMAIL_CHANGE_CODE).get(0).values().get("code");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            assertThat(confirm(token, wrong).json().getInteger("attemptsLeft")).isEqualTo(left);
        }

        Answer answer = confirm(token, code);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(me(token).json().getString("email")).isEqualTo(ADA);
    }

    @Test
    void anOldCodeHasExpired() {
        String token = logIn(ADA);
        assertThat(request(token, PASSWORD, NEW_ADA).status()).isEqualTo(202);
        String code = web.mails(MailTemplate.EMAIL_CHANGE_CODE).get(0).values().get("code");
        web.clock.advance(Duration.ofMinutes(16));

        Answer answer = confirm(token, code);

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.code()).isEqualTo("CODE_EXPIRED");
        assertThat(me(token).json().getString("email")).isEqualTo(ADA);
    }

    @Test
    void aConfirmationWithoutARequestIsAConflict() {
        String token = logIn(ADA);

        Answer answer = confirm(token, "123456");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("NO_EMAIL_CHANGE_REQUESTED");
        assertThat(answer.json().getString("detail")).isEqualTo("No change of email address was requested.");
    }

    @Test
    void guessingThePasswordIsThrottledLikeALogin() {
        String token = logIn(ADA);
        for (int i = 0; i < 5; i++) {
            assertThat(request(token, "Wr0ng!pass" + i, NEW_ADA).code()).isEqualTo("PASSWORD_INCORRECT");
        }

        Answer throttled = request(token, PASSWORD, NEW_ADA);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("PASSWORD_CHECK_THROTTLED");
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();
    }

    @Test
    void byCookieBothStepsNeedTheCsrfToken() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String csrf = login.getString("csrfToken");
        String body = new JsonObject().put("password", PASSWORD).put("newEmail", NEW_ADA).encode();

        Answer without = web.send("POST", PATH, "application/json", body, "Cookie", cookie);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();

        Answer with = web.send("POST", PATH, "application/json", body, "Cookie", cookie, "X-CSRF-Token", csrf);

        assertThat(with.status()).as(with.body()).isEqualTo(202);
        String code = new JsonObject().put("code", web.mails(MailTemplate.EMAIL_CHANGE_CODE).get(0).values().get("code"))
                .encode();
        Answer confirmWithout = web.send("POST", VERIFICATION, "application/json", code, "Cookie", cookie);
        assertThat(confirmWithout.status()).isEqualTo(403);
        assertThat(confirmWithout.code()).isEqualTo("CSRF_TOKEN_INVALID");

        Answer confirmWith = web.send("POST", VERIFICATION, "application/json", code, "Cookie", cookie,
                "X-CSRF-Token", csrf);

        assertThat(confirmWith.status()).as(confirmWith.body()).isEqualTo(200);
        assertThat(web.logIn(NEW_ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void withoutASessionBothStepsAskForALogin() {
        String request = new JsonObject().put("password", PASSWORD).put("newEmail", NEW_ADA).encode();
        String code = new JsonObject().put("code", "123456").encode();

        List<Answer> refused = List.of(
                web.send("POST", PATH, "application/json", request),
                web.send("POST", PATH, "application/json", request, "Authorization", "Bearer not-a-session"),
                web.send("POST", VERIFICATION, "application/json", code),
                web.send("POST", VERIFICATION, "application/json", code, "Authorization", "Bearer not-a-session"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
        }
        assertThat(web.mails(MailTemplate.EMAIL_CHANGE_CODE)).isEmpty();
    }

    @Test
    void thePublishedContractListsTheEmailChangeOperations() {
        String document = web.get("/api/openapi.yaml").body();

        assertThat(document).contains("operationId: requestEmailChange", "operationId: confirmEmailChange");
    }

    private String logIn(String email) {
        Answer login = web.logIn(email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    private Answer request(String token, String password, String newEmail) {
        return web.send("POST", PATH, "application/json",
                new JsonObject().put("password", password).put("newEmail", newEmail).encode(),
                "Authorization", "Bearer " + token);
    }

    private Answer confirm(String token, String code) {
        return web.send("POST", VERIFICATION, "application/json", new JsonObject().put("code", code).encode(),
                "Authorization", "Bearer " + token);
    }

    private Answer me(String token) {
        return web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
    }
}
