package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalSession.csrfOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's pages over plain HTTP, without a browser (so these run wherever the tests run): the headers every page
 * carries, the CSRF check of every form, where a login may lead, the static files, and a failure answered as a page.
 */
class PortalPagesTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final PortalClient client = PortalClient.withOwnMail();

    @Test
    void everyPageCarriesItsSecurityHeadersAndEveryFormItsToken() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            PortalSession browser = new PortalSession(server);
            for (String path : new String[] {"/login", "/signup", "/forgot-password", "/privacy", "/welcome"}) {
                HttpResponse<String> page = browser.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
                assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                        .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval");
                assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
                assertThat(page.body()).as(path).doesNotContain("<style", "style=\"", "onclick", "{{")
                        .containsPattern("<script src=\"/assets/portal.js\"");
            }
            HttpResponse<String> first = new PortalSession(server).get("/login");
            assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("smartconnect_form=").contains("HttpOnly", "SameSite=Lax"));
            assertThat(browser.get("/").statusCode()).isEqualTo(303);
            assertThat(browser.get("/").headers().firstValue("Location")).contains("/login");
        }
    }

    @Test
    void aFormWithoutItsTokenOrWithAnotherBrowsersIsRefusedAndChangesNothing() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            client.signUpAndVerify(server, "ada.lovelace@example.org");
            PortalSession victim = new PortalSession(server);
            PortalSession attacker = new PortalSession(server);
            String attackersToken = csrfOf(attacker.get("/login"));
            victim.get("/login");
            String credentials = "email=ada.lovelace%40example.org&password=Tr1angle%21Sky";
            for (String form : new String[] {credentials, credentials + "&csrf=", credentials + "&csrf=" + attackersToken}) {
                HttpResponse<String> refused = victim.postForm("/login", form);
                assertThat(refused.statusCode()).as(form).isEqualTo(403);
                assertThat(refused.body()).contains("This page has expired.").doesNotContain("Exception");
                assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("smartconnect_session="));
            }
            HttpResponse<String> json = victim.post("/login", "application/json",
                    "{\"email\":\"ada.lovelace@example.org\",\"password\":\"Tr1angle!Sky\"}");
            assertThat(json.statusCode()).as("a JSON body is no form: refused as a page").isEqualTo(403);

            HttpResponse<String> loggedIn = victim.postForm("/login", credentials + "&csrf=" + csrfOf(victim.get("/login"))
                    + "&next=%2F%2Fevil.example.org%2F");
            assertThat(loggedIn.statusCode()).isEqualTo(303);
            assertThat(loggedIn.headers().firstValue("Location")).as("a login leads only within the portal").contains("/");
            HttpResponse<String> home = victim.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("My devices", "Welcome, Ada.");

            // Logged in, a form carries the session's token; the one of the form cookie alone no longer logs out.
            assertThat(victim.postForm("/logout", "csrf=" + attackersToken).statusCode()).isEqualTo(403);
            assertThat(victim.get("/").statusCode()).isEqualTo(200);
            assertThat(victim.postForm("/logout", "csrf=" + csrfOf(home)).headers().firstValue("Location"))
                    .contains("/login?notice=loggedOut");
            assertThat(victim.get("/").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theStaticFilesAreServedAndNothingElseBesideThem() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            PortalSession browser = new PortalSession(server);
            assertThat(browser.get("/assets/portal.css").headers().firstValue("Content-Type")).contains("text/css; charset=UTF-8");
            assertThat(browser.get("/assets/portal.js").statusCode()).isEqualTo(200);
            HttpResponse<String> htmx = browser.get("/assets/htmx.min.js");
            assertThat(htmx.statusCode()).isEqualTo(200);
            assertThat(htmx.body()).contains("htmx");
            assertThat(browser.get("/assets/../openapi.yaml").statusCode()).isEqualTo(404);
            assertThat(browser.get("/assets/portal/messages.properties").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aConfiguredCaptchaShowsItsWidgetAndATokenItRefusesIsSaidAtTheForm() throws Exception {
        // A verify URL where nothing listens: every token is refused, as by a captcha service that says no.
        Map<String, String> captcha = Map.of(
                "SMARTCONNECT_CAPTCHA_VERIFY_URL", "http://127.0.0.1:9/siteverify",
                "SMARTCONNECT_CAPTCHA_SECRET", "captcha-secret",
                "SMARTCONNECT_CAPTCHA_SITE_KEY", "the-site-key",
                "SMARTCONNECT_CAPTCHA_SCRIPT_URL", "https://captcha.example.com/1/api.js");
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, captcha)).start()) {
            PortalSession browser = new PortalSession(server);
            HttpResponse<String> page = browser.get("/forgot-password");
            assertThat(page.body()).contains("data-sitekey=\"the-site-key\"",
                    "<script src=\"https://captcha.example.com/1/api.js\"", "I am not a robot");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self' https://captcha.example.com;", "frame-src https://captcha.example.com;");
            HttpResponse<String> refused = browser.postForm("/forgot-password",
                    "email=ada.lovelace%40example.org&g-recaptcha-response=a-token&csrf=" + csrfOf(page));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("The security check failed.", "value=\"ada.lovelace@example.org\"");
        }
    }

    @Test
    void linksThatNoLongerWorkAnswerAPage() throws Exception {
        try (SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of())).start()) {
            PortalSession browser = new PortalSession(server);
            HttpResponse<String> invitation = browser.get("/register?invitation=not-a-real-token");
            assertThat(invitation.statusCode()).isEqualTo(410);
            assertThat(invitation.body()).contains("This invitation has expired.");
            HttpResponse<String> verify = browser.get("/verify?registration=not-a-uuid");
            assertThat(verify.statusCode()).isEqualTo(404);
            assertThat(verify.body()).contains("This sign-up was not found.");
        }
    }

    @Test
    void aFailureOnAPortalPageIsAPageWithoutATrace() throws Exception {
        try (TestDatabase database = TestDatabases.freshH2();
                SmartConnect server = SmartConnect.builder().configuration(client.configuration(dataDir, Map.of()))
                        .dataSource(database.dataSource()).start()) {
            PortalSession browser = new PortalSession(server);
            String csrf = csrfOf(browser.get("/login"));
            database.dataSource().close();
            HttpResponse<String> failed = browser.postForm("/login",
                    "email=ada.lovelace%40example.org&password=Tr1angle%21Sky&csrf=" + csrf);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
            assertThat(failed.body()).contains("Something went wrong on our side.")
                    .doesNotContain("Exception", "at com.", "SQL", "closed");
        }
    }
}
