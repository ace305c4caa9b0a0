package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.adapters.web.WebApiFixture.BinaryAnswer;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.twofactor.Totp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-factor authentication over HTTP: turning it on with an authenticator app (codes computed from the answered
 * secret as the app computes them, the QR code read back from its pixels) or by e-mail, the two-step login, recovery
 * codes, turning it off, and deleting an account that has it on.
 */
class TwoFactorApiTest {

    private static final String ADA = "ada@example.com";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String STATUS = "/api/v1/me/two-factor";
    private static final String ENROLMENT = "/api/v1/me/two-factor/enrolment";
    private static final String QR_CODE = "/api/v1/me/two-factor/enrolment/qr-code";
    private static final String CONFIRMATION = "/api/v1/me/two-factor/enrolment/confirmation";
    private static final String CONFIRMATION_CODE = "/api/v1/me/two-factor/code";
    private static final String SECOND_STEP = "/api/v1/sessions/two-factor";
    private static final String LOGIN_CODE = "/api/v1/sessions/two-factor/code";
    private static final String RECOVERY_CODE = "[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}";
    private static final String CODE_INCORRECT_DETAIL = "The code is not correct. Please enter the code your "
            + "authenticator app shows now or the latest code we emailed you, or one of your unused recovery codes.";

    private WebApiFixture web;
    private String accountId;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
        accountId = web.verifiedAccount(ADA, "Ada");
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    // --- turning it on ---------------------------------------------------------------------------------------------

    @Test
    void anAuthenticatorAppIsSetUpWithTheSecretOrItsQrCodeAndConfirmedWithItsFirstCode() {
        String token = logIn();
        assertThat(web.as(token, "GET", STATUS, null).json())
                .isEqualTo(new JsonObject().put("enabled", false).put("recoveryCodesLeft", 0));

        Answer started = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "TOTP"));

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonObject enrolment = started.json();
        String secret = enrolment.getString("secret");
        Instant expiresAt = web.clock.instant().plus(Duration.ofMinutes(15));
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrolment).isEqualTo(new JsonObject()
                .put("method", "TOTP")
                .put("secret", secret)
                .put("otpauthUri", "otpauth://totp/SmartConnect:ada%40example.com?secret=" + secret
                        + "&issuer=SmartConnect&algorithm=SHA1&digits=6&period=30")
                .put("qrCodeUrl", QR_CODE)
                .put("expiresAt", expiresAt.toString()));
        assertThat(web.as(token, "GET", STATUS, null).json()).isEqualTo(new JsonObject()
                .put("enabled", false)
                .put("recoveryCodesLeft", 0)
                .put("pendingEnrolment", new JsonObject().put("method", "TOTP").put("expiresAt", expiresAt.toString())));

        BinaryAnswer qr = web.getBytes(QR_CODE, "Authorization", "Bearer " + token);
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).isEqualTo("image/png");
        assertThat(qr.header("Cache-Control")).isEqualTo("no-store");
        assertThat(WebApiFixture.decodeQrCode(qr.body())).isEqualTo(enrolment.getString("otpauthUri"));

        Answer wrong = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", codeTheAppDoesNotShow(secret)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(wrong.json().getString("detail")).isEqualTo(
                "The code is not correct. Please enter the code your authenticator app shows now, or the code we emailed you.");
        assertThat(web.as(token, "GET", STATUS, null).json().getBoolean("enabled")).isFalse();

        Answer confirmed = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", web.totpNow(secret)));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(confirmed.json().getBoolean("enabled")).isTrue();
        List<String> recoveryCodes = strings(confirmed.json().getJsonArray("recoveryCodes").getList());
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches(RECOVERY_CODE));
        assertThat(web.as(token, "GET", STATUS, null).json()).isEqualTo(new JsonObject()
                .put("enabled", true).put("method", "TOTP").put("recoveryCodesLeft", 10));
        assertThat(web.as(token, "GET", "/api/v1/me", null).json().getJsonObject("twoFactor"))
                .isEqualTo(new JsonObject().put("enabled", true).put("method", "TOTP"));
        assertThat(web.mails(MailTemplate.TWO_FACTOR_ENABLED)).hasSize(1);
        BinaryAnswer noLongerPending = web.getBytes(QR_CODE, "Authorization", "Bearer " + token);
        assertThat(noLongerPending.status()).isEqualTo(404);
        assertThat(noLongerPending.asText().code()).isEqualTo("NO_TWO_FACTOR_ENROLMENT");
    }

    @Test
    void codesByEmailAreSetUpWithTheMailedCode() {
        String token = logIn();

        Answer started = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "EMAIL"));

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        // The mailed code works 10 minutes; the set-up itself would wait 15.
        String codeExpiresAt = web.clock.instant().plus(Duration.ofMinutes(10)).toString();
        assertThat(started.json()).isEqualTo(new JsonObject().put("method", "EMAIL").put("expiresAt", codeExpiresAt));
        assertThat(web.mails(MailTemplate.TWO_FACTOR_ENROLMENT_CODE)).hasSize(1);
        assertThat(web.as(token, "GET", STATUS, null).json().getJsonObject("pendingEnrolment")).isEqualTo(new JsonObject()
                .put("method", "EMAIL").put("expiresAt", web.clock.instant().plus(Duration.ofMinutes(15)).toString()));
        BinaryAnswer noQrCode = web.getBytes(QR_CODE, "Authorization", "Bearer " + token);
        assertThat(noQrCode.status()).as("an e-mail set-up has nothing to scan").isEqualTo(404);
        assertThat(noQrCode.asText().code()).isEqualTo("NO_TWO_FACTOR_ENROLMENT");

        Answer confirmed = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", web.lastCode()));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().getJsonArray("recoveryCodes")).hasSize(10);
        assertThat(web.as(token, "GET", STATUS, null).json()).isEqualTo(new JsonObject()
                .put("enabled", true).put("method", "EMAIL").put("recoveryCodesLeft", 10));
    }

    @Test
    void aSetUpIsRefusedWhenItIsOnAlreadyOrTheMethodIsUnknownAndAConfirmationNeedsASetUp() {
        String token = logIn();

        Answer nothingToConfirm = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", "123456"));
        Answer unknown = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "SMS"));
        Answer missing = web.as(token, "POST", ENROLMENT, new JsonObject());
        Answer noCode = web.as(token, "POST", CONFIRMATION, new JsonObject());

        assertThat(nothingToConfirm.status()).isEqualTo(404);
        assertThat(nothingToConfirm.code()).isEqualTo("NO_TWO_FACTOR_ENROLMENT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.errors()).containsExactly(new JsonObject().put("field", "method").put("code", "FIELD_INVALID")
                .put("message", "The two-factor method is not valid."));
        assertThat(missing.errors()).containsExactly(new JsonObject().put("field", "method").put("code", "FIELD_REQUIRED")
                .put("message", "Please enter a two-factor method."));
        assertThat(noCode.errors()).containsExactly(new JsonObject().put("field", "code").put("code", "FIELD_REQUIRED")
                .put("message", "Please enter the code from your authenticator app or your email."));

        enableTotp(token);
        Answer again = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "EMAIL"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TWO_FACTOR_ALREADY_ON");
        assertThat(again.json().getString("detail"))
                .isEqualTo("Two-factor authentication is already on. To change the method, turn it off first.");
        assertThat(web.as(token, "GET", STATUS, null).json().getString("method")).isEqualTo("TOTP");
    }

    @Test
    void wrongCodesAtTheConfirmationMakeTheNextTryWait() {
        String token = logIn();
        String secret = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "TOTP")).json().getString("secret");
        String wrongCode = codeTheAppDoesNotShow(secret);
        for (int i = 0; i < 5; i++) {
            assertThat(web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", wrongCode)).code())
                    .isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        }

        Answer throttled = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", web.totpNow(secret)));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("PASSWORD_CHECK_THROTTLED");
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
        assertThat(throttled.json().getLong("retryAfterSeconds")).isEqualTo(30L);
        assertThat(web.as(token, "GET", STATUS, null).json().getBoolean("enabled")).isFalse();
    }

    @Test
    void byCookieTheSetUpNeedsTheCsrfTokenAndWithoutASessionEverythingAsksForALogin() {
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");
        String body = new JsonObject().put("method", "TOTP").encode();

        Answer without = web.send("POST", ENROLMENT, "application/json", body, "Cookie", cookie);
        Answer with = web.send("POST", ENROLMENT, "application/json", body, "Cookie", cookie,
                "X-CSRF-Token", login.getString("csrfToken"));
        Answer readByCookie = web.send("GET", STATUS, null, null, "Cookie", cookie);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(with.status()).as(with.body()).isEqualTo(201);
        assertThat(readByCookie.status()).as("reading needs no CSRF token").isEqualTo(200);

        List<Answer> refused = List.of(
                web.get(STATUS),
                web.send("DELETE", STATUS, "application/json", new JsonObject().put("password", PASSWORD)
                        .put("code", "123456").encode()),
                web.postJson(ENROLMENT, new JsonObject().put("method", "TOTP")),
                web.getBytes(QR_CODE).asText(),
                web.postJson(CONFIRMATION, new JsonObject().put("code", "123456")),
                web.send("POST", CONFIRMATION_CODE, null, null));
        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
        }
    }

    // --- logging in ------------------------------------------------------------------------------------------------

    @Test
    void withAnAuthenticatorAppTheLoginTakesASecondStepThatStartsTheSession() {
        String secret = enableTotp(logIn()).secret();
        web.clock.advance(Totp.STEP);

        Answer first = web.logIn(ADA, PASSWORD);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.setCookies()).as("no session yet").isEmpty();
        String challenge = first.json().getString("challengeToken");
        assertThat(challenge).isNotBlank();
        assertThat(first.json()).isEqualTo(new JsonObject()
                .put("twoFactorRequired", true)
                .put("method", "TOTP")
                .put("challengeToken", challenge)
                .put("expiresAt", web.clock.instant().plus(Duration.ofMinutes(10)).toString()));
        assertThat(web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + challenge).status())
                .as("the challenge token is not a session").isEqualTo(401);

        Answer wrong = secondStep(challenge, codeTheAppDoesNotShow(secret));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(wrong.json().getString("detail")).isEqualTo(CODE_INCORRECT_DETAIL);
        assertThat(wrong.json().getInteger("attemptsLeft")).isEqualTo(4);
        assertThat(wrong.setCookies()).isEmpty();

        Answer second = secondStep(challenge, web.totpNow(secret));

        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String token = second.json().getString("token");
        assertThat(second.json()).isEqualTo(new JsonObject()
                .put("token", token)
                .put("accountId", accountId)
                .put("expiresAt", web.clock.instant().plus(Duration.ofHours(12)).toString())
                .put("csrfToken", SessionCookies.csrfFor(token)));
        assertThat(second.setCookie("smartconnect_session")).startsWith("smartconnect_session=" + token + ";")
                .contains("HttpOnly", "Max-Age=43200");
        assertThat(second.setCookie("smartconnect_csrf")).startsWith("smartconnect_csrf=" + SessionCookies.csrfFor(token));
        Answer me = web.as(token, "GET", "/api/v1/me", null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo(ADA);

        Answer replayed = secondStep(challenge, web.totpNow(secret));
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).as("a passed challenge is over").isEqualTo("LOGIN_EXPIRED");
    }

    @Test
    void aRecoveryCodeStandsInForTheAppOnce() {
        List<String> recoveryCodes = enableTotp(logIn()).recoveryCodes();
        String recovery = recoveryCodes.get(3);

        Answer loggedIn = secondStep(challenge(), recovery.toLowerCase().replace("-", ""));

        assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(201);
        String token = loggedIn.json().getString("token");
        assertThat(web.as(token, "GET", STATUS, null).json().getInteger("recoveryCodesLeft")).isEqualTo(9);

        Answer usedAgain = secondStep(challenge(), recovery);

        assertThat(usedAgain.status()).isEqualTo(401);
        assertThat(usedAgain.code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(secondStep(challenge(), recoveryCodes.get(4)).status()).isEqualTo(201);
    }

    @Test
    void fiveWrongCodesEndTheLoginAndALateOrUnknownChallengeHasExpired() {
        String secret = enableTotp(logIn()).secret();
        String challenge = challenge();
        String wrongCode = codeTheAppDoesNotShow(secret);
        for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
            assertThat(secondStep(challenge, wrongCode).json().getInteger("attemptsLeft")).isEqualTo(attemptsLeft);
        }

        Answer fifth = secondStep(challenge, wrongCode);

        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.code()).isEqualTo("LOGIN_EXPIRED");
        assertThat(fifth.json().getString("detail")).isEqualTo("Please log in again.");
        Answer unknown = secondStep("not-a-challenge", "123456");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("LOGIN_EXPIRED");

        Answer login = web.logIn(ADA, PASSWORD);
        assertThat(login.code()).as("wrong codes count against the address like wrong passwords")
                .isEqualTo("LOGIN_THROTTLED");

        web.clock.advance(Duration.ofMinutes(16));
        String late = challenge();
        web.clock.advance(Duration.ofMinutes(10));
        Answer tooLate = secondStep(late, web.totpNow(secret));
        assertThat(tooLate.status()).isEqualTo(401);
        assertThat(tooLate.code()).isEqualTo("LOGIN_EXPIRED");
    }

    @Test
    void wrongCodesAndPasswordsThrottleTheSecondStepLikeTheLogin() {
        String secret = enableTotp(logIn()).secret();
        web.clock.advance(Totp.STEP);
        String challenge = challenge();
        for (int i = 0; i < 5; i++) {
            assertThat(web.logIn(ADA, "Wr0ng!Password" + i).status()).isEqualTo(401);
        }

        Answer throttled = secondStep(challenge, web.totpNow(secret));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("LOGIN_THROTTLED");
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
        assertThat(throttled.json().getLong("retryAfterSeconds")).isEqualTo(30L);
        assertThat(throttled.setCookies()).isEmpty();

        web.clock.advance(Duration.ofSeconds(30));
        assertThat(secondStep(challenge, web.totpNow(secret)).status()).isEqualTo(201);
    }

    @Test
    void theSecondStepRefusesMissingFieldsInItsOwnWords() {
        Answer missing = web.postJson(SECOND_STEP, new JsonObject());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.errors()).containsExactlyInAnyOrder(
                new JsonObject().put("field", "challengeToken").put("code", "FIELD_REQUIRED")
                        .put("message", "Please enter the challenge token of the login."),
                new JsonObject().put("field", "code").put("code", "FIELD_REQUIRED")
                        .put("message", "Please enter a code from your authenticator app or your email, or a recovery code."));
    }

    @Test
    void withCodesByEmailTheLoginMailsACodeAndAnotherOneOnRequest() {
        enableEmail(logIn());

        Answer first = web.logIn(ADA, PASSWORD);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().getString("method")).isEqualTo("EMAIL");
        String challenge = first.json().getString("challengeToken");
        assertThat(web.mails(MailTemplate.TWO_FACTOR_LOGIN_CODE)).hasSize(1);
        String firstCode = web.lastCode();

        Answer tooSoon = web.postJson(LOGIN_CODE, new JsonObject().put("challengeToken", challenge));

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("CODE_RESEND_TOO_SOON");
        assertThat(tooSoon.header("Retry-After")).isEqualTo("60");
        assertThat(tooSoon.json().getLong("retryAfterSeconds")).isEqualTo(60L);
        assertThat(tooSoon.json().getString("detail"))
                .isEqualTo("A code was sent a moment ago. Please wait 60 seconds before requesting a new code.");

        web.clock.advance(Duration.ofMinutes(1));
        web.random.willDraw(firstCode.equals("424242") ? "242424" : "424242");
        Answer resent = web.postJson(LOGIN_CODE, new JsonObject().put("challengeToken", challenge));

        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json()).isEqualTo(new JsonObject()
                .put("expiresAt", web.clock.instant().plus(Duration.ofMinutes(10)).toString()));
        assertThat(web.mails(MailTemplate.TWO_FACTOR_LOGIN_CODE)).hasSize(2);
        assertThat(secondStep(challenge, firstCode).code()).as("the new code replaced it")
                .isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(secondStep(challenge, web.lastCode()).status()).isEqualTo(201);
    }

    @Test
    void anotherLoginCodeIsRefusedForAnAppAndForALoginThatIsOver() {
        enableTotp(logIn());
        String challenge = challenge();

        Answer byApp = web.postJson(LOGIN_CODE, new JsonObject().put("challengeToken", challenge));
        Answer unknown = web.postJson(LOGIN_CODE, new JsonObject().put("challengeToken", "not-a-challenge"));
        Answer missing = web.postJson(LOGIN_CODE, new JsonObject());

        assertThat(byApp.status()).isEqualTo(409);
        assertThat(byApp.code()).isEqualTo("TWO_FACTOR_NOT_BY_EMAIL");
        assertThat(byApp.json().getString("detail")).isEqualTo("This account does not get two-factor codes by email. "
                + "Please enter the code your authenticator app shows, or one of your recovery codes.");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("LOGIN_EXPIRED");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("challengeToken");
        assertThat(web.mails(MailTemplate.TWO_FACTOR_LOGIN_CODE)).isEmpty();
    }

    // --- turning it off --------------------------------------------------------------------------------------------

    @Test
    void turningTheAppOffNeedsThePasswordAndACode() {
        String token = logIn();
        String secret = enableTotp(token).secret();
        web.clock.advance(Totp.STEP);

        Answer wrongPassword = disable(token, "Wr0ng!Password", web.totpNow(secret));
        Answer wrongCode = disable(token, PASSWORD, codeTheAppDoesNotShow(secret));
        Answer missingCode = web.as(token, "DELETE", STATUS, new JsonObject().put("password", PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.code()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(wrongPassword.json().getString("detail")).isEqualTo("The password is not correct.");
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(wrongCode.json().getString("detail")).isEqualTo(CODE_INCORRECT_DETAIL);
        assertThat(missingCode.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missingCode.errors()).containsExactly(new JsonObject().put("field", "code").put("code", "FIELD_REQUIRED")
                .put("message", "Please enter a code from your authenticator app or your email, or a recovery code."));
        assertThat(web.as(token, "GET", STATUS, null).json().getBoolean("enabled")).isTrue();

        Answer off = disable(token, PASSWORD, web.totpNow(secret));

        assertThat(off.status()).as(off.body()).isEqualTo(204);
        assertThat(web.as(token, "GET", STATUS, null).json())
                .isEqualTo(new JsonObject().put("enabled", false).put("recoveryCodesLeft", 0));
        assertThat(web.as(token, "GET", "/api/v1/me", null).json().getJsonObject("twoFactor"))
                .isEqualTo(new JsonObject().put("enabled", false));
        assertThat(web.mails(MailTemplate.TWO_FACTOR_DISABLED)).hasSize(1);
        assertThat(web.logIn(ADA, PASSWORD).status()).as("one step again").isEqualTo(201);

        Answer again = disable(token, PASSWORD, web.totpNow(secret));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("TWO_FACTOR_OFF");
        assertThat(again.json().getString("detail")).isEqualTo("Two-factor authentication is already off.");
    }

    @Test
    void turningEmailCodesOffTakesAMailedConfirmationCode() {
        String token = logIn();
        enableEmail(token);

        Answer sent = web.as(token, "POST", CONFIRMATION_CODE, null);

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json()).isEqualTo(new JsonObject()
                .put("expiresAt", web.clock.instant().plus(Duration.ofMinutes(10)).toString()));
        assertThat(web.mails(MailTemplate.TWO_FACTOR_CONFIRMATION_CODE)).hasSize(1);
        String code = web.lastCode();
        Answer tooSoon = web.as(token, "POST", CONFIRMATION_CODE, new JsonObject());
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.code()).isEqualTo("CODE_RESEND_TOO_SOON");
        assertThat(tooSoon.header("Retry-After")).isEqualTo("60");

        Answer off = disable(token, PASSWORD, code);

        assertThat(off.status()).as(off.body()).isEqualTo(204);
        assertThat(web.as(token, "GET", STATUS, null).json().getBoolean("enabled")).isFalse();
    }

    @Test
    void aConfirmationCodeIsNotMailedToAnAppUserNorWhileItIsOff() {
        String token = logIn();

        Answer whileOff = web.as(token, "POST", CONFIRMATION_CODE, null);
        enableTotp(token);
        Answer byApp = web.as(token, "POST", CONFIRMATION_CODE, null);

        for (Answer answer : List.of(whileOff, byApp)) {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("TWO_FACTOR_NOT_BY_EMAIL");
        }
        assertThat(web.mails(MailTemplate.TWO_FACTOR_CONFIRMATION_CODE)).isEmpty();
    }

    @Test
    void wrongCodesWhenTurningItOffMakeTheNextTryWait() {
        String token = logIn();
        String secret = enableTotp(token).secret();
        String wrongCode = codeTheAppDoesNotShow(secret);
        for (int i = 0; i < 5; i++) {
            assertThat(disable(token, PASSWORD, wrongCode).code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        }
        web.clock.advance(Duration.ofSeconds(10));

        Answer throttled = disable(token, PASSWORD, web.totpNow(secret));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("PASSWORD_CHECK_THROTTLED");
        assertThat(throttled.header("Retry-After")).isEqualTo("20");
        assertThat(throttled.json().getString("detail"))
                .isEqualTo("Too many wrong passwords or codes. Please wait before trying again.");
        assertThat(web.as(token, "GET", STATUS, null).json().getBoolean("enabled")).isTrue();
    }

    // --- deleting the account --------------------------------------------------------------------------------------

    @Test
    void withTwoFactorOnDeletingTheAccountNeedsACodeAsWell() {
        String token = logIn();
        String secret = enableTotp(token).secret();
        web.clock.advance(Totp.STEP);

        Answer withoutCode = deleteAccount(token, new JsonObject().put("password", PASSWORD));
        Answer blankCode = deleteAccount(token, new JsonObject().put("password", PASSWORD).put("code", " "));
        Answer wrongCode = deleteAccount(token, new JsonObject().put("password", PASSWORD)
                .put("code", codeTheAppDoesNotShow(secret)));
        Answer wrongPassword = deleteAccount(token, new JsonObject().put("password", "Wr0ng!Password")
                .put("code", web.totpNow(secret)));

        for (Answer required : List.of(withoutCode, blankCode)) {
            assertThat(required.status()).isEqualTo(400);
            assertThat(required.code()).isEqualTo("TWO_FACTOR_CODE_REQUIRED");
            assertThat(required.json().getString("detail")).isEqualTo("Two-factor authentication is on: please enter "
                    + "a code from your authenticator app or your email, or a recovery code.");
        }
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.code()).isEqualTo("TWO_FACTOR_CODE_INCORRECT");
        assertThat(wrongPassword.code()).isEqualTo("PASSWORD_INCORRECT");
        assertThat(web.deletions.deletedAt()).isEmpty();
        assertThat(web.as(token, "GET", "/api/v1/me", null).status()).isEqualTo(200);

        Answer deleted = deleteAccount(token, new JsonObject().put("password", PASSWORD).put("code", web.totpNow(secret)));

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(web.deletions.deletedAt()).hasSize(1);
        assertThat(web.twoFactor.findByAccount(new AccountId(UUID.fromString(accountId)))).isEmpty();
        assertThat(web.logIn(ADA, PASSWORD).code()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void whileTwoFactorIsOffACodeGivenWithTheDeletionIsIgnored() {
        String token = logIn();

        Answer deleted = deleteAccount(token, new JsonObject().put("password", PASSWORD).put("code", "123456"));

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private record Enabled(String secret, List<String> recoveryCodes) {
    }

    private String logIn() {
        Answer login = web.logIn(ADA, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(201);
        return login.json().getString("token");
    }

    /** The first step of a login of Ada, who has two-factor authentication on: its challenge token. */
    private String challenge() {
        Answer login = web.logIn(ADA, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(202);
        return login.json().getString("challengeToken");
    }

    private Answer secondStep(String challengeToken, String code) {
        // No session and no CSRF token: the challenge token is all the second step needs.
        return web.postJson(SECOND_STEP, new JsonObject().put("challengeToken", challengeToken).put("code", code));
    }

    private Enabled enableTotp(String token) {
        Answer started = web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "TOTP"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String secret = started.json().getString("secret");
        Answer confirmed = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", web.totpNow(secret)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return new Enabled(secret, strings(confirmed.json().getJsonArray("recoveryCodes").getList()));
    }

    private void enableEmail(String token) {
        assertThat(web.as(token, "POST", ENROLMENT, new JsonObject().put("method", "EMAIL")).status()).isEqualTo(201);
        Answer confirmed = web.as(token, "POST", CONFIRMATION, new JsonObject().put("code", web.lastCode()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    private Answer disable(String token, String password, String code) {
        return web.as(token, "DELETE", STATUS, new JsonObject().put("password", password).put("code", code));
    }

    private Answer deleteAccount(String token, JsonObject body) {
        return web.as(token, "DELETE", "/api/v1/me", body);
    }

    /** Six digits that the app does not show in any step accepted now, so they are wrong for sure. */
    private String codeTheAppDoesNotShow(String secret) {
        long now = Totp.stepAt(web.clock.instant());
        List<String> shown = LongStream.rangeClosed(now - 1, now + 1)
                .mapToObj(step -> web.totp.codeForBase32(secret, step)).toList();
        return IntStream.range(0, 10).mapToObj(digit -> Integer.toString(digit).repeat(6))
                .filter(code -> !shown.contains(code)).findFirst().orElseThrow();
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String.class::cast).toList();
    }
}
