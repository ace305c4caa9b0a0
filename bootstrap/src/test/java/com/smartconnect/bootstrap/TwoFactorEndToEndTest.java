package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static com.smartconnect.bootstrap.PortalClient.mailedCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.domain.twofactor.Totp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-factor authentication through the running server: turned on with an authenticator app whose codes the test
 * computes from the secret (RFC 6238, independently of the server's library), the two-step login, a recovery code,
 * turning it off, the e-mail method with codes from a real SMTP server, and deleting the account with a code.
 */
class TwoFactorEndToEndTest {

    private static final String EMAIL = "ada.lovelace@example.org";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final Pattern RECOVERY = Pattern.compile("\"([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})\"");

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    /** The recovery codes shown when the app was turned on. */
    private List<String> recoveryCodes = List.of();
    private final RfcTotp app = new RfcTotp();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private Configuration configuration() {
        return client.configuration(dataDir, Map.of("SMARTCONNECT_MQTT_PORT", "-1"));
    }

    @Test
    void withAnAuthenticatorAppThenByEmailOnTheEmbeddedDefault() throws Exception {
        String secret;
        try (SmartConnect server = SmartConnect.builder().configuration(configuration()).start()) {
            client.signUpAndVerify(server, EMAIL);
            secret = turnOnTheAuthenticatorApp(server, logIn(server));
        }
        try (SmartConnect restarted = SmartConnect.builder().configuration(configuration()).start()) {
            // The sealed secret opens with the key kept in the data folder, so the app's codes still match.
            String bearer = logInWithAppCode(restarted, secret, 1);
            String recoveryCode = recoveryLogIn(restarted);
            turnItOff(restarted, bearer, recoveryCode);
            String emailBearer = turnOnByEmail(restarted, logIn(restarted));
            String second = logInWithMailedCode(restarted);
            deleteWithAMailedCode(restarted, emailBearer, second);
        }
    }

    @Test
    void onPostgres() throws Exception {
        Optional<TestDatabase> postgres = TestDatabases.freshPostgres();
        Assumptions.assumeTrue(postgres.isPresent(), "set smartconnect.test.postgres.url to run on PostgreSQL");
        try (TestDatabase database = postgres.get();
                SmartConnect server = SmartConnect.builder().configuration(configuration())
                        .dataSource(database.dataSource()).secretKey(new byte[32]).start()) {
            client.signUpAndVerify(server, EMAIL);
            String secret = turnOnTheAuthenticatorApp(server, logIn(server));
            String bearer = logInWithAppCode(server, secret, 1);
            String recoveryCode = recoveryLogIn(server);
            turnItOff(server, bearer, recoveryCode);
        }
    }

    private String logIn(SmartConnect server) throws Exception {
        HttpResponse<String> login = client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        return "Bearer " + field(login.body(), "token");
    }

    private String appCode(String secret, int stepsFromNow) {
        return app.codeForBase32(secret, Totp.stepAt(Instant.now()) + stepsFromNow);
    }

    /** Profile, Two-Factor Authentication, Turn On, authenticator app: scan, enter the first code, keep the recovery codes. */
    private String turnOnTheAuthenticatorApp(SmartConnect server, String bearer) throws Exception {
        assertThat(client.get(server, "/api/v1/me/two-factor", "Authorization", bearer).body()).contains("\"enabled\":false");
        HttpResponse<String> started = client.post(server, "/api/v1/me/two-factor/enrolment", "{\"method\": \"TOTP\"}",
                "Authorization", bearer);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String secret = field(started.body(), "secret");
        assertThat(field(started.body(), "otpauthUri")).startsWith("otpauth://totp/SmartConnect:").contains(secret);
        HttpResponse<byte[]> qr = client.getBytes(server, "/api/v1/me/two-factor/enrolment/qr-code", "Authorization", bearer);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(qr.body()).startsWith(0x89, 'P', 'N', 'G');

        HttpResponse<String> wrong = client.post(server, "/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + appCode(secret, 9) + "\"}", "Authorization", bearer);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("TWO_FACTOR_CODE_INCORRECT");
        int before = client.mailsReceived();
        HttpResponse<String> confirmed = client.post(server, "/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + appCode(secret, 0) + "\"}", "Authorization", bearer);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(RECOVERY.matcher(confirmed.body()).results().count()).isEqualTo(10);
        recoveryCodes = RECOVERY.matcher(confirmed.body()).results().map(m -> m.group(1)).toList();
        assertThat(client.awaitMail(before + 1).getSubject()).isEqualTo("Two-factor authentication is on");
        assertThat(client.get(server, "/api/v1/me/two-factor", "Authorization", bearer).body())
                .contains("\"enabled\":true", "\"TOTP\"", "\"recoveryCodesLeft\":10");
        return secret;
    }

    /** Password, then the app's code; a wrong code first. Returns the bearer of the new session. */
    private String logInWithAppCode(SmartConnect server, String secret, int stepsFromNow) throws Exception {
        HttpResponse<String> first = client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().allValues("Set-Cookie")).as("no session before the second step").isEmpty();
        assertThat(first.body()).contains("\"twoFactorRequired\":true", "\"TOTP\"");
        String challenge = field(first.body(), "challengeToken");

        HttpResponse<String> wrong = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + challenge + "\", \"code\": \"" + appCode(secret, 7) + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("TWO_FACTOR_CODE_INCORRECT");
        HttpResponse<String> passed = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + challenge + "\", \"code\": \"" + appCode(secret, stepsFromNow) + "\"}");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
        assertThat(passed.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("smartconnect_session="));
        String bearer = "Bearer " + field(passed.body(), "token");
        assertThat(client.get(server, "/api/v1/me", "Authorization", bearer).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + challenge + "\", \"code\": \"" + appCode(secret, stepsFromNow) + "\"}");
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).as("a passed challenge is used up").contains("LOGIN_EXPIRED");
        return bearer;
    }

    /** A recovery code instead of the app, once; returns another unused one. */
    private String recoveryLogIn(SmartConnect server) throws Exception {
        String code = recoveryCodes.get(0);
        String challenge = field(client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD)).body(),
                "challengeToken");
        HttpResponse<String> passed = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + challenge + "\", \"code\": \"" + code.toLowerCase() + "\"}");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
        String again = field(client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD)).body(),
                "challengeToken");
        HttpResponse<String> reused = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + again + "\", \"code\": \"" + code + "\"}");
        assertThat(reused.statusCode()).as("a recovery code works once").isEqualTo(401);
        return recoveryCodes.get(1);
    }

    /** Turn Off: the password and a code (here a recovery code); a notice is mailed. */
    private void turnItOff(SmartConnect server, String bearer, String recoveryCode) throws Exception {
        HttpResponse<String> noPassword = client.sendJson(server, "DELETE", "/api/v1/me/two-factor",
                "{\"password\": \"Wr0ng!pass\", \"code\": \"" + recoveryCode + "\"}", "Authorization", bearer);
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(noPassword.body()).contains("PASSWORD_INCORRECT");
        int before = client.mailsReceived();
        HttpResponse<String> off = client.sendJson(server, "DELETE", "/api/v1/me/two-factor",
                "{\"password\": \"" + PASSWORD + "\", \"code\": \"" + recoveryCode + "\"}", "Authorization", bearer);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(204);
        assertThat(client.awaitMail(before + 1).getSubject()).isEqualTo("Two-factor authentication is off");
        assertThat(client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD)).statusCode()).isEqualTo(201);
    }

    /** Turn On with codes by e-mail: the mailed code confirms it. */
    private String turnOnByEmail(SmartConnect server, String bearer) throws Exception {
        int before = client.mailsReceived();
        HttpResponse<String> started = client.post(server, "/api/v1/me/two-factor/enrolment", "{\"method\": \"EMAIL\"}",
                "Authorization", bearer);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String code = mailedCode(client.awaitMail(before + 1));
        HttpResponse<String> confirmed = client.post(server, "/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + code + "\"}", "Authorization", bearer);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        client.awaitMail(before + 2);
        assertThat(client.get(server, "/api/v1/me", "Authorization", bearer).body()).contains("\"EMAIL\"");
        return bearer;
    }

    private String logInWithMailedCode(SmartConnect server) throws Exception {
        int before = client.mailsReceived();
        HttpResponse<String> first = client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.body()).contains("\"EMAIL\"");
        var mail = client.awaitMail(before + 1);
        assertThat(mail.getSubject()).isEqualTo("Your SmartConnect login code");
        HttpResponse<String> passed = client.post(server, "/api/v1/sessions/two-factor",
                "{\"challengeToken\": \"" + field(first.body(), "challengeToken") + "\", \"code\": \"" + mailedCode(mail) + "\"}");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
        return "Bearer " + field(passed.body(), "token");
    }

    /** Delete My Account with two-factor on: the password alone is not enough; a confirmation code is mailed. */
    private void deleteWithAMailedCode(SmartConnect server, String bearer, String otherSession) throws Exception {
        HttpResponse<String> passwordOnly = client.sendJson(server, "DELETE", "/api/v1/me",
                "{\"password\": \"" + PASSWORD + "\"}", "Authorization", bearer);
        assertThat(passwordOnly.statusCode()).isEqualTo(400);
        assertThat(passwordOnly.body()).contains("TWO_FACTOR_CODE_REQUIRED");
        int before = client.mailsReceived();
        assertThat(client.post(server, "/api/v1/me/two-factor/code", "{}", "Authorization", bearer).statusCode())
                .isEqualTo(202);
        String code = mailedCode(client.awaitMail(before + 1));
        HttpResponse<String> deleted = client.sendJson(server, "DELETE", "/api/v1/me",
                "{\"password\": \"" + PASSWORD + "\", \"code\": \"" + code + "\"}", "Authorization", bearer);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(client.get(server, "/api/v1/me", "Authorization", otherSession).statusCode()).isEqualTo(401);
        assertThat(client.post(server, "/api/v1/sessions", credentials(EMAIL, PASSWORD)).statusCode()).isEqualTo(401);
    }
}
