package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionApiTest {

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
    void aLoginAnswersTheTokenAndSetsASessionCookieAndACsrfCookie() throws Exception {
        String accountId = web.verifiedAccount(ADA, "Ada");

        Answer login = web.logIn(ADA, PASSWORD);

        assertThat(login.status()).as(login.body()).isEqualTo(201);
        JsonObject body = login.json();
        String token = body.getString("token");
        assertThat(token).isNotBlank();
        assertThat(body.getString("accountId")).isEqualTo(accountId);
        assertThat(Instant.parse(body.getString("expiresAt"))).isEqualTo(web.clock.instant().plus(Duration.ofHours(12)));
        String csrf = body.getString("csrfToken");
        assertThat(csrf).isEqualTo(expectedCsrf(token));
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");

        List<String> session = attributes(login.setCookie("smartconnect_session"));
        assertThat(session.get(0)).isEqualTo("smartconnect_session=" + token);
        assertThat(session).contains("Path=/", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=43200");
        List<String> csrfCookie = attributes(login.setCookie("smartconnect_csrf"));
        assertThat(csrfCookie.get(0)).isEqualTo("smartconnect_csrf=" + csrf);
        assertThat(csrfCookie).contains("Path=/", "Secure", "SameSite=Lax", "Max-Age=43200");
        assertThat(csrfCookie).noneMatch(attribute -> attribute.equalsIgnoreCase("HttpOnly"));
    }

    @Test
    void theProfileIsReadWithTheBearerTokenAndWithTheCookie() {
        web.verifiedAccount(ADA, "Ada");
        String token = web.logIn(ADA, PASSWORD).json().getString("token");

        Answer byBearer = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
        Answer byCookie = web.send("GET", "/api/v1/me", null, null, "Cookie", "smartconnect_session=" + token);

        assertThat(byBearer.status()).as(byBearer.body()).isEqualTo(200);
        assertThat(byBearer.json()).isEqualTo(new JsonObject()
                .put("email", ADA)
                .put("firstName", "Ada")
                .put("lastName", "Lovelace")
                .put("country", "GB")
                .put("language", "en")
                .put("company", new JsonObject()
                        .put("name", "Analytical Engines Ltd")
                        .put("businessType", "Reseller")
                        .put("industrySegment", "Data centres")
                        .put("address", "12 St James's Square")
                        .put("city", "London")
                        .put("zipCode", "SW1Y 4JH")
                        .put("stateProvince", "Greater London")
                        .put("country", "GB"))
                .put("twoFactor", new JsonObject().put("enabled", false)));
        assertThat(byCookie.status()).as(byCookie.body()).isEqualTo(200);
        assertThat(byCookie.json()).isEqualTo(byBearer.json());
    }

    @Test
    void eachTokenSeesOnlyTheProfileOfItsOwnAccount() {
        web.verifiedAccount(ADA, "Ada");
        web.verifiedAccount(GRACE, "Grace");
        String ada = web.logIn(ADA, PASSWORD).json().getString("token");
        String grace = web.logIn(GRACE, PASSWORD).json().getString("token");

        JsonObject adaSees = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + ada).json();
        JsonObject graceSees = web.send("GET", "/api/v1/me", null, null, "Cookie", "smartconnect_session=" + grace).json();

        assertThat(adaSees.getString("email")).isEqualTo(ADA);
        assertThat(adaSees.getString("firstName")).isEqualTo("Ada");
        assertThat(graceSees.getString("email")).isEqualTo(GRACE);
        assertThat(graceSees.getString("firstName")).isEqualTo("Grace");
    }

    @Test
    void aLogoutByCookieWithTheCsrfTokenEndsTheSessionAndClearsTheCookies() {
        web.verifiedAccount(ADA, "Ada");
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String token = login.getString("token");

        Answer logout = web.send("DELETE", "/api/v1/sessions/current", null, null,
                "Cookie", "smartconnect_session=" + token + "; smartconnect_csrf=" + login.getString("csrfToken"),
                "X-CSRF-Token", login.getString("csrfToken"));

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(attributes(logout.setCookie("smartconnect_session")))
                .contains("smartconnect_session=", "Path=/", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=0");
        assertThat(attributes(logout.setCookie("smartconnect_csrf")))
                .contains("smartconnect_csrf=", "Path=/", "Max-Age=0");
        assertThat(web.sessions.size()).isZero();
        Answer after = web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void aLogoutByCookieWithoutTheRightCsrfTokenIsRefusedAndTheSessionLivesOn() {
        web.verifiedAccount(ADA, "Ada");
        JsonObject login = web.logIn(ADA, PASSWORD).json();
        String cookie = "smartconnect_session=" + login.getString("token");

        Answer without = web.send("DELETE", "/api/v1/sessions/current", null, null, "Cookie", cookie);
        Answer wrong = web.send("DELETE", "/api/v1/sessions/current", null, null,
                "Cookie", cookie, "X-CSRF-Token", expectedCsrf("some other token"));

        for (Answer refused : List.of(without, wrong)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CSRF_TOKEN_INVALID");
            assertThat(refused.json().getString("detail"))
                    .isEqualTo("This request was refused to protect your account. Please reload the page and try again.");
            assertThat(refused.setCookies()).isEmpty();
        }
        assertThat(web.send("GET", "/api/v1/me", null, null, "Cookie", cookie).status()).isEqualTo(200);
    }

    @Test
    void aLogoutByBearerTokenNeedsNoCsrfToken() {
        web.verifiedAccount(ADA, "Ada");
        String token = web.logIn(ADA, PASSWORD).json().getString("token");

        Answer logout = web.send("DELETE", "/api/v1/sessions/current", null, null, "Authorization", "Bearer " + token);

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        web.verifiedAccount(ADA, "Ada");

        Answer wrongPassword = web.logIn(ADA, "Wr0ng!Password");
        Answer unknownAddress = web.logIn("nobody@example.com", PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.json().getString("detail")).isEqualTo("The email address or password is incorrect.");
        assertThat(unknownAddress.status()).isEqualTo(401);
        assertThat(unknownAddress.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.setCookies()).isEmpty();
    }

    @Test
    void fiveFailedLoginsMakeEvenTheRightPasswordWait() {
        web.verifiedAccount(ADA, "Ada");
        for (int i = 0; i < 5; i++) {
            assertThat(web.logIn(ADA, "Wr0ng!Password" + i).status()).isEqualTo(401);
        }

        Answer throttled = web.logIn(ADA, PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("LOGIN_THROTTLED");
        assertThat(throttled.json().getString("detail")).isEqualTo("Too many failed logins. Please wait before trying again.");
        assertThat(throttled.header("Retry-After")).isEqualTo("30");
        assertThat(throttled.json().getLong("retryAfterSeconds")).isEqualTo(30L);
        assertThat(throttled.setCookies()).isEmpty();

        web.clock.advance(Duration.ofSeconds(30));
        assertThat(web.logIn(ADA, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void theRightPasswordOfAnUnverifiedSignUpPointsToItsCode() {
        String registrationId = web.signUp(WebApiFixture.validSignUp());

        Answer login = web.logIn(ADA, PASSWORD);

        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("ACCOUNT_NOT_VERIFIED");
        assertThat(login.json().getString("detail"))
                .isEqualTo("Please verify your account with the 6-digit code we sent by email.");
        assertThat(login.json().getString("registrationId")).isEqualTo(registrationId);
        assertThat(login.json().getString("resendCodeUrl")).isEqualTo("/api/v1/registrations/" + registrationId + "/code");
    }

    @Test
    void aMalformedAddressOrAMissingFieldIsAValidationFailure() {
        Answer malformed = web.logIn("not-an-email", PASSWORD);
        Answer missing = web.postJson("/api/v1/sessions", new JsonObject().put("email", ADA));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(malformed.errors()).containsExactly(new JsonObject().put("field", "email").put("code", "INVALID_EMAIL")
                .put("message", "You have entered an invalid email address. Please re-enter the email address."));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.errorFields()).containsExactly("password");
    }

    @Test
    void withoutALiveSessionTheProtectedOperationsAskForALogin() {
        web.verifiedAccount(ADA, "Ada");
        String token = web.logIn(ADA, PASSWORD).json().getString("token");

        List<Answer> refused = List.of(
                web.get("/api/v1/me"),
                web.send("DELETE", "/api/v1/sessions/current", null, null),
                web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer not-a-session"),
                web.send("GET", "/api/v1/me", null, null, "Authorization", "Basic " + token),
                web.send("GET", "/api/v1/me", null, null, "Cookie", "smartconnect_session=not-a-session"));

        for (Answer answer : refused) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("NOT_AUTHENTICATED");
            assertThat(answer.json().getString("detail")).isEqualTo("Please log in.");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void aSessionIdleForMoreThan30MinutesHasEnded() {
        web.verifiedAccount(ADA, "Ada");
        String token = web.logIn(ADA, PASSWORD).json().getString("token");

        web.clock.advance(Duration.ofMinutes(31));

        assertThat(web.send("GET", "/api/v1/me", null, null, "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }

    private static List<String> attributes(String setCookie) {
        assertThat(setCookie).isNotNull();
        return List.of(setCookie.split(";\\s*"));
    }

    private static String expectedCsrf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("csrf:" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
