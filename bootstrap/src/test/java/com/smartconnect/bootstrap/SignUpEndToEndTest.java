package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static com.smartconnect.bootstrap.PortalClient.signUpBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person signs up over HTTP, receives the 6-digit code by e-mail from a real SMTP server (GreenMail), verifies
 * the account, and the account is still there after the server restarts.
 */
class SignUpEndToEndTest {

    private static final Pattern CODE = PortalClient.CODE;

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;

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

    private Configuration configuration(Map<String, String> extra) {
        return client.configuration(dataDir, extra);
    }

    @Test
    void signUpVerifyAndRestartOnTheEmbeddedH2File() throws Exception {
        Configuration configuration = configuration(Map.of());
        String registrationId;
        String token;
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).start()) {
            registrationId = signUpAndVerify(server, "ada.lovelace@example.org");
            token = logInReadProfileAndLogOut(server, "ada.lovelace@example.org");
            aCoworkerJoinsTheCompanyByInvitation(server, token);
        }
        try (SmartConnect restarted = SmartConnect.builder().configuration(configuration).start()) {
            assertThat(client.get(restarted, "/api/v1/me", "Authorization", "Bearer " + token).statusCode())
                    .as("a session lives in the database, across restarts").isEqualTo(200);
            assertThat(client.get(restarted, "/api/v1/registrations/" + registrationId).body()).contains("\"verified\"");
            HttpResponse<String> again = client.post(restarted, "/api/v1/registrations/" + registrationId + "/verification",
                    "{\"code\":\"123456\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("ALREADY_VERIFIED");
            anAddressWithAnAccountGetsTheSameAnswerAndANote(restarted, "ada.lovelace@example.org");
            resetThePasswordByTheMailedLink(restarted, "ada.lovelace@example.org", token);
        }
    }

    @Test
    void signUpAndVerifyOnPostgres() throws Exception {
        Optional<TestDatabase> postgres = TestDatabases.freshPostgres();
        Assumptions.assumeTrue(postgres.isPresent(), "set smartconnect.test.postgres.url to run on PostgreSQL");
        try (TestDatabase database = postgres.get();
                SmartConnect server = SmartConnect.builder().configuration(configuration(Map.of()))
                        .dataSource(database.dataSource()).start()) {
            signUpAndVerify(server, "grace.hopper@example.org");
            String token = logInReadProfileAndLogOut(server, "grace.hopper@example.org");
            anAddressWithAnAccountGetsTheSameAnswerAndANote(server, "grace.hopper@example.org");
            changeTheEmailAddress(server, token, "grace.b.hopper@example.org");
            deleteTheAccount(server, "grace.b.hopper@example.org", token);
        }
    }

    private String signUpAndVerify(SmartConnect server, String email) throws Exception {
        HttpResponse<String> signUp = client.post(server, "/api/v1/registrations", signUpBody(email));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        String registrationId = field(signUp.body(), "registrationId");

        MimeMessage mail = client.awaitMail(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(code.find()).as("a 6-digit code in the mail").isTrue();

        HttpResponse<String> wrong = client.post(server, "/api/v1/registrations/" + registrationId + "/verification",
                "{\"code\":\"" + (code.group(1).equals("000000") ? "111111" : "000000") + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("CODE_INCORRECT").doesNotContain("Exception");

        HttpResponse<String> verified = client.post(server, "/api/v1/registrations/" + registrationId + "/verification",
                "{\"code\":\"" + code.group(1) + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"active\"");
        assertThat(client.get(server, "/api/v1/registrations/" + registrationId).body()).contains("\"verified\"");
        return registrationId;
    }

    /** Logs in, reads the profile by bearer token and by cookie, logs out with the CSRF token; returns a live token. */
    private String logInReadProfileAndLogOut(SmartConnect server, String email) throws Exception {
        HttpResponse<String> wrong = client.post(server, "/api/v1/sessions", credentials(email, "Wr0ng!pass"));
        HttpResponse<String> unknown = client.post(server, "/api/v1/sessions", credentials("nobody@example.org", "Wr0ng!pass"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        HttpResponse<String> login = client.post(server, "/api/v1/sessions", credentials(email, "Tr1angle!Sky"));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        String token = field(login.body(), "token");
        String csrf = field(login.body(), "csrfToken");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("smartconnect_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Lax");
        String sessionCookie = cookie.substring(0, cookie.indexOf(';'));

        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + token).body())
                .contains(email, "Analytical Engines Ltd");
        assertThat(client.get(server, "/api/v1/me", "Cookie", sessionCookie).statusCode()).isEqualTo(200);

        HttpResponse<String> noCsrf = client.send(server, "DELETE", "/api/v1/sessions/current", "Cookie", sessionCookie);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("CSRF_TOKEN_INVALID");
        HttpResponse<String> logout = client.send(server, "DELETE", "/api/v1/sessions/current", "Cookie", sessionCookie,
                "X-CSRF-Token", csrf);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);

        HttpResponse<String> again = client.post(server, "/api/v1/sessions", credentials(email, "Tr1angle!Sky"));
        return field(again.body(), "token");
    }

    /** A member invites a co-worker, who signs up from the mailed link without the company page and joins. */
    private void aCoworkerJoinsTheCompanyByInvitation(SmartConnect server, String inviterToken) throws Exception {
        int before = smtp.getReceivedMessages().length;
        String bearer = "Bearer " + inviterToken;
        HttpResponse<String> missing = client.sendJson(server, "POST", "/api/v1/company/invitations", "{}", "Authorization", bearer);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("EMAIL_REQUIRED", "Please enter email address");
        HttpResponse<String> invited = client.sendJson(server, "POST", "/api/v1/company/invitations",
                "{\"email\": \"grace@example.org\"}", "Authorization", bearer);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.body()).contains("Invitation Sent", "Your invitation was sent.");
        HttpResponse<String> again = client.sendJson(server, "POST", "/api/v1/company/invitations",
                "{\"email\": \"grace@example.org\"}", "Authorization", bearer);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_INVITED",
                "This co-worker has already been invited to the portal. Please invite another co-worker.");

        Matcher link = Pattern.compile("/register\\?invitation=([A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(client.awaitMail(before + 1)));
        assertThat(link.find()).as("a registration link in the invitation").isTrue();
        HttpResponse<String> signUp = client.post(server, "/api/v1/registrations", """
                {"email": "grace@example.org", "firstName": "Grace", "lastName": "Hopper", "password": "Cobol#Compiler59",
                 "country": "US", "invitationToken": "%s", "privacyAccepted": true, "captchaToken": "any"}
                """.formatted(link.group(1)));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(client.awaitMail(before + 2)));
        assertThat(code.find()).isTrue();
        assertThat(client.post(server, "/api/v1/registrations/" + field(signUp.body(), "registrationId") + "/verification",
                "{\"code\": \"" + code.group(1) + "\"}").statusCode()).isEqualTo(200);
        String graceToken = field(client.post(server, "/api/v1/sessions",
                credentials("grace@example.org", "Cobol#Compiler59")).body(), "token");
        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + graceToken).body())
                .as("the co-worker belongs to the inviter's company").contains("Analytical Engines Ltd");
        assertThat(client.get(server, "/api/v1/company/invitations", "Authorization", bearer).body()).contains("\"accepted\"");

        HttpResponse<String> patched = client.sendJson(server, "PATCH", "/api/v1/me",
                "{\"phone\": \"+1 555 0100 123\", \"jobRole\": \"Systems engineer\", \"language\": \"fr\"}",
                "Authorization", "Bearer " + graceToken);
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + graceToken).body())
                .contains("+1 555 0100 123", "Systems engineer", "\"fr\"");
        assertThat(client.get(server, "/api/v1/me", "Authorization", bearer).body()).as("each sees their own profile")
                .doesNotContain("Systems engineer").contains("ada.lovelace@example.org");
    }

    /** "Forgot your password?": the mailed link opens our page, the form is posted like a browser posts it. */
    private void resetThePasswordByTheMailedLink(SmartConnect server, String email, String liveToken) throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> unknown = client.post(server, "/api/v1/password-resets",
                "{\"email\": \"nobody@example.org\", \"captchaToken\": \"any\"}");
        HttpResponse<String> known = client.post(server, "/api/v1/password-resets",
                "{\"email\": \"" + email + "\", \"captchaToken\": \"any\"}");
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());

        MimeMessage mail = client.awaitMail(before + 1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher link = Pattern.compile("https://portal\\.example\\.com(/password-reset\\?token=[A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a reset link in the mail").isTrue();
        String page = link.group(1);
        String token = page.substring(page.indexOf('=') + 1);

        HttpResponse<String> form = client.get(server, page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(form.body()).contains("<form", token);

        HttpResponse<String> weak = client.submitLinkPage(server, page, "/password-reset", token,
                "&password=ada&passwordConfirmation=ada");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 8 characters");
        HttpResponse<String> done = client.submitLinkPage(server, page, "/password-reset", token,
                "&password=Kestrel%23Harbour9&passwordConfirmation=Kestrel%23Harbour9");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(client.get(server, page).statusCode()).as("the link works once").isEqualTo(410);

        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + liveToken).statusCode())
                .as("a reset ends every session").isEqualTo(401);
        assertThat(client.post(server, "/api/v1/sessions", credentials(email, "Tr1angle!Sky")).statusCode()).isEqualTo(401);
        assertThat(client.post(server, "/api/v1/sessions", credentials(email, "Kestrel#Harbour9")).statusCode()).isEqualTo(201);
        assertThat(client.awaitMail(before + 2).getSubject()).isEqualTo("Your SmartConnect password was changed");
    }

    /** A new address takes effect only with the code mailed to it; the current address is told. */
    private void changeTheEmailAddress(SmartConnect server, String token, String newEmail) throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> requested = client.sendJson(server, "POST", "/api/v1/me/email",
                "{\"password\": \"Tr1angle!Sky\", \"newEmail\": \"" + newEmail + "\"}", "Authorization", "Bearer " + token);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        MimeMessage first = client.awaitMail(before + 1);
        MimeMessage second = client.awaitMail(before + 2);
        MimeMessage toNew = first.getAllRecipients()[0].toString().equals(newEmail) ? first : second;
        MimeMessage toOld = toNew == first ? second : first;
        assertThat(toNew.getAllRecipients()[0].toString()).isEqualTo(newEmail);
        assertThat(GreenMailUtil.getBody(toOld)).contains(newEmail);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(toNew));
        assertThat(code.find()).isTrue();

        HttpResponse<String> confirmed = client.sendJson(server, "POST", "/api/v1/me/email/verification",
                "{\"code\": \"" + code.group(1) + "\"}", "Authorization", "Bearer " + token);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + token).body()).contains(newEmail);
        assertThat(client.post(server, "/api/v1/sessions", credentials(newEmail, "Tr1angle!Sky")).statusCode()).isEqualTo(201);
    }

    /** "Delete My Account": gone for good, the confirmation mailed, and the address free to sign up again. */
    private void deleteTheAccount(SmartConnect server, String email, String token) throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> wrong = client.sendJson(server, "DELETE", "/api/v1/me", "{\"password\": \"Wr0ng!pass\"}",
                "Authorization", "Bearer " + token);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("PASSWORD_INCORRECT");

        HttpResponse<String> deleted = client.sendJson(server, "DELETE", "/api/v1/me", "{\"password\": \"Tr1angle!Sky\"}",
                "Authorization", "Bearer " + token);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(client.awaitMail(before + 1).getSubject()).isEqualTo("Your SmartConnect account was deleted");
        assertThat(client.get(server, "/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(client.post(server, "/api/v1/sessions", credentials(email, "Tr1angle!Sky")).statusCode()).isEqualTo(401);
        assertThat(client.post(server, "/api/v1/registrations", signUpBody(email)).statusCode()).isEqualTo(202);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(client.awaitMail(before + 2)));
        assertThat(code.find()).as("a new sign-up gets a code, not an 'already has an account' note").isTrue();
    }

    private void anAddressWithAnAccountGetsTheSameAnswerAndANote(SmartConnect server, String email) throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> again = client.post(server, "/api/v1/registrations", signUpBody(email));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("registrationId");
        MimeMessage note = client.awaitMail(before + 1);
        assertThat(CODE.matcher(GreenMailUtil.getBody(note)).find()).as("no code in the note").isFalse();
    }
}
