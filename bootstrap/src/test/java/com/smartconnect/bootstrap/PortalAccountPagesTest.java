package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalSession.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * My Account's pages over plain HTTP, without a browser (so these run wherever the tests run): each needs a login,
 * each form needs the session's token, and a form refused for either changes nothing.
 */
class PortalAccountPagesTest {

    private static final List<String> PAGES = List.of("/account", "/account/email", "/account/email/confirm",
            "/account/password", "/account/two-factor", "/account/two-factor/turn-on", "/account/two-factor/confirm",
            "/account/coworkers", "/account/delete");

    @TempDir
    Path dataDir;

    @RegisterExtension
    final PortalClient client = PortalClient.withOwnMail();

    @Test
    void everyAccountPageAsksForALoginFirst() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            client.signUpAndVerify(server, "ada.lovelace@example.org");
            PortalSession visitor = new PortalSession(server);
            for (String path : PAGES) {
                HttpResponse<String> page = visitor.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(303);
                assertThat(page.headers().firstValue("Location")).as(path).contains("/login?next=" + path);
            }
            // A form token of a browser before its login is no token for the account's forms.
            String formToken = csrfOf(visitor.get("/login"));
            HttpResponse<String> invite = visitor.postForm("/account/coworkers",
                    "email=mary.somerville%40example.org&csrf=" + formToken);
            assertThat(invite.statusCode()).isEqualTo(303);
            assertThat(invite.headers().firstValue("Location")).contains("/login?next=/account");
            assertThat(visitor.get("/account/deleted").statusCode()).as("the page after a deletion needs no login")
                    .isEqualTo(200);
            assertThat(client.mailsReceived()).as("the sign-up's code only").isEqualTo(1);
        }
    }

    @Test
    void aFormOfMyAccountWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            client.signUpAndVerify(server, "ada.lovelace@example.org");
            PortalSession browser = new PortalSession(server);
            String attackersToken = csrfOf(new PortalSession(server).get("/login"));
            HttpResponse<String> loggedIn = browser.postForm("/login",
                    "email=ada.lovelace%40example.org&password=Tr1angle%21Sky&csrf=" + csrfOf(browser.get("/login")));
            assertThat(loggedIn.statusCode()).isEqualTo(303);
            for (String path : PAGES) {
                HttpResponse<String> page = browser.get(path);
                if (page.statusCode() == 303) {
                    // The two-factor confirmation without an enrolment started goes back to its start.
                    assertThat(page.headers().firstValue("Location")).as(path).contains("/account/two-factor");
                    continue;
                }
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
                assertThat(page.body()).as(path).doesNotContain("<style", "style=\"", "onclick", "{{")
                        .contains("aria-current=\"page\"");
            }
            String[][] forms = {
                {"/account/coworkers", "email=mary.somerville%40example.org"},
                {"/account", "firstName=Eve&lastName=Lovelace&country=GB&language=en"},
                {"/account/password", "currentPassword=Tr1angle%21Sky&newPassword=Nanosecond%23Wire11"
                        + "&passwordConfirmation=Nanosecond%23Wire11"},
                {"/account/delete", "password=Tr1angle%21Sky"},
            };
            for (String[] form : forms) {
                for (String token : new String[] {"", "&csrf=", "&csrf=" + attackersToken}) {
                    HttpResponse<String> refused = browser.postForm(form[0], form[1] + token);
                    assertThat(refused.statusCode()).as(form[0] + token).isEqualTo(403);
                    assertThat(refused.body()).contains("This page has expired.").doesNotContain("Exception");
                }
            }
            HttpResponse<String> profile = browser.get("/account");
            assertThat(profile.body()).contains("value=\"Ada\"");
            assertThat(browser.get("/account/coworkers").body()).contains("No invitations yet.");
            assertThat(client.post(server, "/api/v1/sessions",
                    PortalClient.credentials("ada.lovelace@example.org", "Tr1angle!Sky")).statusCode())
                    .as("the password and the account are as they were").isEqualTo(201);

            HttpResponse<String> refused = browser.postForm("/account", "firstName=&lastName=Lovelace&country=GB"
                    + "&language=en&phone=call+me&jobRole=Countess&company_name=Analytical+Engines+Ltd"
                    + "&csrf=" + csrfOf(profile));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"firstName-error\"", "id=\"phone-error\"", "value=\"Countess\"",
                    "value=\"call me\"", "id=\"company_city-error\"");
            assertThat(browser.get("/account").body()).contains("value=\"Ada\"").doesNotContain("Countess");
        }
    }
}
