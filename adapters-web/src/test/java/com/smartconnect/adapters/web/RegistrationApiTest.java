package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationApiTest {

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
    void aSignUpIsVerifiedWithTheMailedCodeAndThenReadsVerified() {
        Answer accepted = web.postJson("/api/v1/registrations", WebApiFixture.validSignUp());

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Cache-Control")).isEqualTo("no-store");
        String id = accepted.json().getString("registrationId");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(web.outbox.last().to().value()).isEqualTo("ada@example.com");
        assertThat(web.get("/api/v1/registrations/" + id).json())
                .isEqualTo(new JsonObject().put("registrationId", id).put("status", "pending"));

        Answer verified = web.postJson("/api/v1/registrations/" + id + "/verification",
                new JsonObject().put("code", web.lastCode()));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().getString("status")).isEqualTo("active");
        assertThat(verified.json().getJsonObject("twoFactorOffer").getString("enrolmentUrl"))
                .as("two-factor authentication is offered right after verification").isEqualTo("/api/v1/me/two-factor/enrolment");
        assertThat(UUID.fromString(verified.json().getString("accountId"))).isNotNull();
        assertThat(web.get("/api/v1/registrations/" + id).json().getString("status")).isEqualTo("verified");
    }

    @Test
    void aVerifiedSignUpCannotBeVerifiedOrResentAgain() {
        String id = web.signUp(WebApiFixture.validSignUp());
        String code = web.lastCode();
        web.postJson("/api/v1/registrations/" + id + "/verification", new JsonObject().put("code", code));

        Answer again = web.postJson("/api/v1/registrations/" + id + "/verification", new JsonObject().put("code", code));
        Answer resend = web.send("POST", "/api/v1/registrations/" + id + "/code", null, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_VERIFIED");
        assertThat(again.json().getString("detail")).isEqualTo("This account is already verified. Please log in.");
        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.code()).isEqualTo("ALREADY_VERIFIED");
    }

    @Test
    void aSecondSignUpOfTheSameAddressVerifiedLaterFindsTheEmailTaken() {
        String first = web.signUp(WebApiFixture.validSignUp());
        String firstCode = web.lastCode();
        String second = web.signUp(WebApiFixture.validSignUp());
        String secondCode = web.lastCode();
        web.postJson("/api/v1/registrations/" + first + "/verification", new JsonObject().put("code", firstCode));

        Answer taken = web.postJson("/api/v1/registrations/" + second + "/verification", new JsonObject().put("code", secondCode));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("EMAIL_TAKEN");
        assertThat(taken.json().getString("detail")).isEqualTo(
                "An account with this email address already exists. Please log in or reset your password.");
    }

    @Test
    void aWrongCodeTellsHowManyTriesAreLeftAndTheSixthTryIsRefused() {
        String id = web.signUp(WebApiFixture.validSignUp());
        String wrong = web.lastCode().equals("000000") ? "111111" : "000000";
        String path = "/api/v1/registrations/" + id + "/verification";

        Answer first = web.postJson(path, new JsonObject().put("code", wrong));
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.code()).isEqualTo("CODE_INCORRECT");
        assertThat(first.json().getInteger("attemptsLeft")).isEqualTo(4);
        assertThat(first.json().getString("detail"))
                .isEqualTo("The code is not correct. Please check the code in the email and try again.");
        for (int attempt = 2; attempt <= 5; attempt++) {
            assertThat(web.postJson(path, new JsonObject().put("code", wrong)).json().getInteger("attemptsLeft"))
                    .isEqualTo(5 - attempt);
        }

        Answer sixth = web.postJson(path, new JsonObject().put("code", web.lastCode()));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(sixth.json().getString("detail"))
                .isEqualTo("Too many incorrect codes were entered. Please request a new code.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567", "abcdef", "", " 123456"})
    void aCodeThatIsNotSixDigitsIsRefusedWithoutCostingATry(String code) {
        String id = web.signUp(WebApiFixture.validSignUp());

        Answer answer = web.postJson("/api/v1/registrations/" + id + "/verification", new JsonObject().put("code", code));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_CODE_FORMAT");
        assertThat(answer.json().getString("detail")).isEqualTo("Please enter the 6-digit code from the email.");
    }

    @Test
    void aCodeEnteredAfterFifteenMinutesHasExpired() {
        String id = web.signUp(WebApiFixture.validSignUp());
        web.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        Answer answer = web.postJson("/api/v1/registrations/" + id + "/verification", new JsonObject().put("code", web.lastCode()));

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.code()).isEqualTo("CODE_EXPIRED");
        assertThat(answer.json().getString("detail")).isEqualTo("This code has expired. Please request a new code.");
    }

    @Test
    void aFourthSignUpOfOneAddressWithinTheHourIsRefused() {
        for (int i = 0; i < 3; i++) {
            web.signUp(WebApiFixture.validSignUp());
        }
        Answer fourth = web.postJson("/api/v1/registrations", WebApiFixture.validSignUp());

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("TOO_MANY_SIGN_UPS");
    }

    @Test
    void afterThreeCodesNoMoreAreSent() {
        String id = web.signUp(WebApiFixture.validSignUp());
        for (int i = 0; i < 2; i++) {
            web.clock.advance(Duration.ofMinutes(1));
            assertThat(web.postJson("/api/v1/registrations/" + id + "/code", new JsonObject()).status()).isEqualTo(202);
        }
        web.clock.advance(Duration.ofMinutes(1));
        Answer fourth = web.postJson("/api/v1/registrations/" + id + "/code", new JsonObject());

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("RESEND_LIMIT_REACHED");
    }

    @Test
    void aNewCodeIsRefusedWithinAMinuteWithRetryAfterAndSentAfterIt() {
        String id = web.signUp(WebApiFixture.validSignUp());
        web.clock.advance(Duration.ofSeconds(20).plusMillis(500));

        Answer tooSoon = web.send("POST", "/api/v1/registrations/" + id + "/code", null, null);

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("RESEND_TOO_SOON");
        assertThat(tooSoon.header("Retry-After")).isEqualTo("40");
        assertThat(tooSoon.json().getLong("retryAfterSeconds")).isEqualTo(40L);

        web.clock.advance(Duration.ofSeconds(40));
        int mailsBefore = web.outbox.all().size();
        Answer sent = web.postJson("/api/v1/registrations/" + id + "/code", new JsonObject());

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json()).isEqualTo(new JsonObject());
        assertThat(web.outbox.all()).hasSize(mailsBefore + 1);
        assertThat(web.postJson("/api/v1/registrations/" + id + "/verification",
                new JsonObject().put("code", web.lastCode())).status()).isEqualTo(200);
    }

    @Test
    void anUnknownRegistrationIsNotFoundEverywhere() {
        String unknown = "/api/v1/registrations/" + UUID.randomUUID();

        assertThat(web.get(unknown).code()).isEqualTo("REGISTRATION_NOT_FOUND");
        assertThat(web.postJson(unknown + "/verification", new JsonObject().put("code", "123456")).code())
                .isEqualTo("REGISTRATION_NOT_FOUND");
        Answer resend = web.send("POST", unknown + "/code", null, null);
        assertThat(resend.status()).isEqualTo(404);
        assertThat(resend.code()).isEqualTo("REGISTRATION_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "12345678-1234-1234-1234-1234567890123"})
    void anIdThatIsNotAUuidIsNotFound(String id) {
        String path = "/api/v1/registrations/" + id;

        Answer status = web.get(path);
        Answer verify = web.postJson(path + "/verification", new JsonObject().put("code", "123456"));
        Answer resend = web.send("POST", path + "/code", null, null);

        for (Answer answer : new Answer[] {status, verify, resend}) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("REGISTRATION_NOT_FOUND");
        }
    }

    @Test
    void aRefusedCaptchaAsksToProveBeingAPerson() {
        Answer answer = web.postJson("/api/v1/registrations", WebApiFixture.validSignUp().put("captchaToken", "refused-token"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("CAPTCHA_FAILED");
        assertThat(answer.json().getString("detail")).isEqualTo("Please confirm that you are not a robot.");
        assertThat(web.outbox.all()).isEmpty();
    }
}
