package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Reseller page ({@code /reseller}) over plain HTTP, without a browser nor script: it needs a login, its forms
 * need the session's token, each refusal of the use cases is a page that says what to do and keeps what was typed,
 * every state is said in words (declined, expired, opted out ...), and a co-worker has a reseller of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalResellerPagesTest {

    private static final String PASSWORD = "Tr1angle!Sky";

    /** Frozen unless a test moves it: an invitation expires only when the clock passes its 7 days. */
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T09:00:00Z");

    private PortalServer portal;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        portal = PortalServer.start(dataDir, Map.of(), clock);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal);
    }

    @Test
    void thePagesAskForALoginAndTheFormsForTheSessionsToken() throws Exception {
        String email = "ada.lovelace@example.org";
        portal.signUpAndVerify(email);
        Browser visitor = new Browser();
        for (String path : new String[] {"/reseller", "/reseller/disconnect"}) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(303);
            assertThat(location(page)).as(path).contains("/login?next=" + path);
        }
        String visitorsToken = csrfOf(visitor.get("/login"));
        HttpResponse<String> anonymous = visitor.postForm("/reseller", "email=rex%40reseller.example&action=update"
                + "&csrf=" + visitorsToken);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(location(anonymous)).contains("/login?next=/reseller");

        Browser browser = logIn(email);
        HttpResponse<String> page = browser.get("/reseller");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.body()).contains("You have not invited a reseller.", "<a href=\"/reseller\">Reseller</a>")
                .doesNotContain("<style", "style=\"", "onclick", "{{");
        int mails = portal.client.mailsReceived();
        for (String token : new String[] {"", "&csrf=", "&csrf=" + visitorsToken}) {
            HttpResponse<String> refused = browser.postForm("/reseller",
                    "email=rex%40reseller.example&action=update" + token);
            assertThat(refused.statusCode()).as(token).isEqualTo(403);
            assertThat(refused.body()).contains("This page has expired.");
            assertThat(browser.postForm("/reseller/disconnect", token.isEmpty() ? "" : token.substring(1))
                    .statusCode()).isEqualTo(403);
        }
        assertThat(portal.client.mailsReceived()).as("nobody invited").isEqualTo(mails);
        assertThat(browser.get("/reseller").body()).contains("You have not invited a reseller.");
    }

    @Test
    void eachRefusalSaysWhatToDoAndKeepsWhatWasTyped() throws Exception {
        String email = "mary.somerville@example.org";
        portal.signUpAndVerify(email);
        Browser browser = logIn(email);

        HttpResponse<String> invalid = browser.update("email=rex%40&action=update");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"email-error\"", "value=\"rex@\"",
                "You have entered an invalid email address. Please re-enter the email address.");
        HttpResponse<String> nothingToCancel = browser.update("action=cancel");
        assertThat(nothingToCancel.statusCode()).isEqualTo(409);
        assertThat(nothingToCancel.body()).contains("There is no pending invitation to cancel. "
                + "You have not invited a reseller.");
        assertThat(browser.get("/reseller/disconnect").body())
                .contains("You are not connected with a reseller, so there is nothing to disconnect.");
        HttpResponse<String> nothingToDisconnect = browser.postForm("/reseller/disconnect", "csrf=" + browser.csrf);
        assertThat(nothingToDisconnect.statusCode()).isEqualTo(409);
        assertThat(nothingToDisconnect.body())
                .contains("You are not connected with a reseller, so there is nothing to disconnect.");

        assertThat(location(browser.update("email=rex%40reseller.example&action=update")))
                .contains("/reseller?notice=invited");
        // A form of before the invitation: the address typed stays, and the page says to cancel first.
        HttpResponse<String> alreadyInvited = browser.update("email=other%40reseller.example&action=update");
        assertThat(alreadyInvited.statusCode()).isEqualTo(409);
        assertThat(alreadyInvited.body()).contains("Your reseller has already been invited",
                "click Cancel and then Update Settings first", "value=\"other@reseller.example\"",
                "Another reseller’s email address");

        // Cancel shows what Update Settings will do; with another address, both happen at once.
        HttpResponse<String> cancelling = browser.update("action=cancel");
        assertThat(cancelling.statusCode()).isEqualTo(200);
        assertThat(cancelling.body()).contains("The invitation to rex@reseller.example will be cancelled when you "
                + "click Update Settings.", "name=\"cancel\" value=\"1\"");
        assertThat(browser.get("/reseller").body()).contains("Your invitation to rex@reseller.example is waiting");
        assertThat(location(browser.update("cancel=1&email=other%40reseller.example&action=update")))
                .contains("/reseller?notice=invited");
        assertThat(browser.get("/reseller?notice=invited").body())
                .contains("Your invitation was sent to other@reseller.example.",
                        "Your invitation to other@reseller.example is waiting to be accepted.");
        // Cancel clicked on a page of before: the invitation was cancelled meanwhile, and the page says so.
        assertThat(location(browser.update("cancel=1&action=update")))
                .contains("/reseller?notice=cancelled");
        HttpResponse<String> cancelledAlready = browser.update("cancel=1&email=third%40reseller.example&action=update");
        assertThat(cancelledAlready.statusCode()).isEqualTo(409);
        assertThat(cancelledAlready.body()).contains("There is no pending invitation to cancel. You cancelled your "
                + "invitation to other@reseller.example.", "value=\"third@reseller.example\"");

        // Three more make five within the day; the sixth is refused until later.
        for (String reseller : new String[] {"r3", "r4", "r5"}) {
            assertThat(location(browser.update("email=" + reseller + "%40reseller.example&action=update")))
                    .contains("notice=invited");
            assertThat(browser.update("cancel=1&action=update").statusCode()).isEqualTo(303);
        }
        HttpResponse<String> tooMany = browser.update("email=r6%40reseller.example&action=update");
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.body()).contains("You have sent 5 reseller invitations within a day. Please try again in "
                + "1 hour.", "value=\"r6@reseller.example\"");

        // Not interested? alone is saved without an address.
        assertThat(location(browser.update("notInterested=on&action=update")))
                .contains("/reseller?notice=saved");
        assertThat(browser.get("/reseller?notice=saved").body()).contains("Your settings were saved.",
                "type=\"checkbox\" value=\"on\" checked");
        assertThat(resellerJson(email)).contains("\"notInterested\":true", "\"offerOnDeviceRegistration\":false");
    }

    @Test
    void declinedExpiredAndOptedOutAreSaidInWords() throws Exception {
        String email = "caroline.herschel@example.org";
        String reseller = "sales@reseller.example";
        portal.signUpAndVerify(email);
        Browser browser = logIn(email);

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        String first = PortalClient.text(portal.mailTo(reseller, "invites you to connect"));
        unsubscribe(first);
        // The customer's mail leads to this page.
        assertThat(PortalClient.text(portal.mailTo(email, "declined")))
                .contains("Reseller page: https://portal.example.com/reseller");
        assertThat(browser.get("/reseller").body()).contains(reseller + " declined your invitation.",
                "<dt>Declined</dt>", "add their email address and click Update Settings");

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        String second = PortalClient.text(portal.mailTo(reseller, "invites you to connect"));
        Matcher accept = find("/reseller/accept\\?token=([A-Za-z0-9_-]+)", second);
        assertThat(portal.submitLinkPage(accept.group(), "/reseller/accept", accept.group(1)).statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/reseller").body()).contains("You are connected with your reseller " + reseller,
                "<dt>Connected since</dt>", "href=\"/reseller/disconnect\"");
        unsubscribe(second);
        // "If your reseller opts-out, you will be notified via the Reseller page."
        assertThat(browser.get("/reseller").body()).contains("Your reseller " + reseller + " opted out",
                "<dt>Opted out</dt>", "they must accept your invitation again");
        assertThat(resellerJson(email)).contains("\"state\":\"unsubscribed\"");

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        portal.mailTo(reseller, "invites you to connect");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Browser later = logIn(email);
        assertThat(later.get("/reseller").body()).contains("Your invitation to " + reseller
                + " expired: it was not accepted within 7 days.", "<dt>Expired</dt>", "8 Dec 2026");
    }

    @Test
    void aCoworkerHasAResellerOfTheirOwn() throws Exception {
        String owner = "williamina.fleming@example.org";
        String coworker = "annie.cannon@example.org";
        portal.signUpAndVerify(owner);
        Browser owners = logIn(owner);
        owners.update("email=harvard%40reseller.example&action=update");

        portal.joinAsCoworker(portal.bearer(owner), coworker);

        Browser coworkers = logIn(coworker);
        HttpResponse<String> page = coworkers.get("/reseller");
        assertThat(page.body())
                .contains("You have not invited a reseller.", "Each co-worker invites their own reseller")
                .doesNotContain("harvard@reseller.example");
        assertThat(location(coworkers.update("email=pickering%40reseller.example&action=update")))
                .contains("notice=invited");
        assertThat(owners.get("/reseller").body()).contains("Your invitation to harvard@reseller.example is waiting")
                .doesNotContain("pickering@reseller.example");
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The reseller posts the Unsubscribe button of the page the mail's link opens. */
    private void unsubscribe(String mailText) throws Exception {
        Matcher unsubscribe = find("/reseller/unsubscribe\\?token=([A-Za-z0-9_-]+)", mailText);
        HttpResponse<String> done = portal.submitLinkPage(unsubscribe.group(), "/reseller/unsubscribe",
                unsubscribe.group(1));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private static Matcher find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher;
    }

    private String resellerJson(String email) throws Exception {
        HttpResponse<String> reseller = portal.get("/api/v1/reseller", "Authorization", portal.bearer(email));
        assertThat(reseller.statusCode()).as(reseller.body()).isEqualTo(200);
        return reseller.body().replace(" ", "");
    }

    /** A browser without script, logged in through the login form; it keeps the session's form token. */
    private Browser logIn(String email) throws Exception {
        Browser browser = new Browser();
        browser.logIn(email);
        browser.csrf = csrfOf(browser.get("/reseller"));
        return browser;
    }

    /** The page's form token, encoded for a form. */
    private static String csrfOf(HttpResponse<String> page) {
        return URLEncoder.encode(PortalSession.csrfOf(page), StandardCharsets.UTF_8);
    }

    /** A browser without script that keeps the session's form token, for the Reseller page's form. */
    private final class Browser extends PortalSession {
        /** The session's form token, once logged in. */
        String csrf = "";

        Browser() {
            super(portal.server);
        }

        /** The Reseller page's form, with the session's token. */
        HttpResponse<String> update(String fields) throws Exception {
            return postForm("/reseller", fields + "&csrf=" + csrf);
        }
    }
}
