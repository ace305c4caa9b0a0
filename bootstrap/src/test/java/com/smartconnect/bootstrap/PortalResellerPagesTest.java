package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.fake.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** Frozen unless a test moves it: an invitation expires only when the clock passes its 7 days. */
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T09:00:00Z");
    private final Set<String> handedOut = new HashSet<>();

    private GreenMail smtp;
    private PortalClient client;
    private SmartConnect server;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
        server = SmartConnect.builder().clock(clock).configuration(client.configuration(dataDir, Map.of())).start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void thePagesAskForALoginAndTheFormsForTheSessionsToken() throws Exception {
        String email = "ada.lovelace@example.org";
        signUpAndVerify(email);
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
        int mails = client.mailsReceived();
        for (String token : new String[] {"", "&csrf=", "&csrf=" + visitorsToken}) {
            HttpResponse<String> refused = browser.postForm("/reseller",
                    "email=rex%40reseller.example&action=update" + token);
            assertThat(refused.statusCode()).as(token).isEqualTo(403);
            assertThat(refused.body()).contains("This page has expired.");
            assertThat(browser.postForm("/reseller/disconnect", token.isEmpty() ? "" : token.substring(1))
                    .statusCode()).isEqualTo(403);
        }
        assertThat(client.mailsReceived()).as("nobody invited").isEqualTo(mails);
        assertThat(browser.get("/reseller").body()).contains("You have not invited a reseller.");
    }

    @Test
    void eachRefusalSaysWhatToDoAndKeepsWhatWasTyped() throws Exception {
        String email = "mary.somerville@example.org";
        signUpAndVerify(email);
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
        signUpAndVerify(email);
        Browser browser = logIn(email);

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        String first = PortalClient.text(mailTo(reseller, "invites you to connect"));
        unsubscribe(first);
        // The customer's mail leads to this page.
        assertThat(PortalClient.text(mailTo(email, "declined")))
                .contains("Reseller page: https://portal.example.com/reseller");
        assertThat(browser.get("/reseller").body()).contains(reseller + " declined your invitation.",
                "<dt>Declined</dt>", "add their email address and click Update Settings");

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        String second = PortalClient.text(mailTo(reseller, "invites you to connect"));
        Matcher accept = find("/reseller/accept\\?token=([A-Za-z0-9_-]+)", second);
        assertThat(client.submitLinkPage(server, accept.group(), "/reseller/accept", accept.group(1)).statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/reseller").body()).contains("You are connected with your reseller " + reseller,
                "<dt>Connected since</dt>", "href=\"/reseller/disconnect\"");
        unsubscribe(second);
        // "If your reseller opts-out, you will be notified via the Reseller page."
        assertThat(browser.get("/reseller").body()).contains("Your reseller " + reseller + " opted out",
                "<dt>Opted out</dt>", "they must accept your invitation again");
        assertThat(resellerJson(email)).contains("\"state\":\"unsubscribed\"");

        browser.update("email=" + URLEncoder.encode(reseller, StandardCharsets.UTF_8) + "&action=update");
        mailTo(reseller, "invites you to connect");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Browser later = logIn(email);
        assertThat(later.get("/reseller").body()).contains("Your invitation to " + reseller
                + " expired: it was not accepted within 7 days.", "<dt>Expired</dt>", "8 Dec 2026");
    }

    @Test
    void aCoworkerHasAResellerOfTheirOwn() throws Exception {
        String owner = "williamina.fleming@example.org";
        String coworker = "annie.cannon@example.org";
        signUpAndVerify(owner);
        Browser owners = logIn(owner);
        owners.update("email=harvard%40reseller.example&action=update");

        String bearer = bearer(owner);
        HttpResponse<String> invited = client.post(server, "/api/v1/company/invitations",
                "{\"email\": \"" + coworker + "\"}", "Authorization", bearer);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        Matcher link = find("/register\\?invitation=([A-Za-z0-9_%.-]+)",
                PortalClient.text(mailTo(coworker, "invites")));
        HttpResponse<String> joined = client.post(server, "/api/v1/registrations", """
                {"email": "%s", "firstName": "Annie", "lastName": "Cannon",
                 "password": "%s", "country": "US", "invitationToken": "%s", "privacyAccepted": true,
                 "marketingOptIn": false, "captchaToken": "any"}""".formatted(coworker, PASSWORD,
                java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        String code = PortalClient.mailedCode(mailTo(coworker, "verify"));
        assertThat(client.post(server, "/api/v1/registrations/" + PortalClient.field(joined.body(), "registrationId")
                + "/verification", "{\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);

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
        HttpResponse<String> done = client.submitLinkPage(server, unsubscribe.group(), "/reseller/unsubscribe",
                unsubscribe.group(1));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private static Matcher find(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher;
    }

    private String bearer(String email) throws Exception {
        HttpResponse<String> session = client.post(server, "/api/v1/sessions", PortalClient.credentials(email, PASSWORD));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        return "Bearer " + PortalClient.field(session.body(), "token");
    }

    private String resellerJson(String email) throws Exception {
        HttpResponse<String> reseller = client.get(server, "/api/v1/reseller", "Authorization", bearer(email));
        assertThat(reseller.statusCode()).as(reseller.body()).isEqualTo(200);
        return reseller.body().replace(" ", "");
    }

    private MimeMessage mailTo(String recipient, String subject) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage mail = received[i];
                boolean toRecipient = Arrays.stream(mail.getAllRecipients())
                        .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                if (toRecipient && !handedOut.contains(mail.getMessageID())
                        && mail.getSubject().toLowerCase(Locale.ROOT).contains(subject)) {
                    handedOut.add(mail.getMessageID());
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + recipient + " about " + subject);
    }

    private void signUpAndVerify(String email) throws Exception {
        HttpResponse<String> signUp = client.post(server, "/api/v1/registrations", PortalClient.signUpBody(email));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        String code = PortalClient.mailedCode(mailTo(email, "verify"));
        HttpResponse<String> verified = client.post(server, "/api/v1/registrations/"
                + PortalClient.field(signUp.body(), "registrationId") + "/verification", "{\"code\":\"" + code + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    /** A browser without script, logged in through the login form; it keeps the session's form token. */
    private Browser logIn(String email) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loggedIn = browser.postForm("/login", "email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&csrf=" + csrfOf(browser.get("/login")));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(303);
        browser.csrf = csrfOf(browser.get("/reseller"));
        return browser;
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF field in %s", page.body()).isTrue();
        return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    }

    /** A browser without script: it keeps cookies in its own jar and follows no redirect by itself. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final String base = "http://127.0.0.1:" + server.httpPort().getAsInt();
        /** The session's form token, once logged in. */
        String csrf = "";

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        /** The Reseller page's form, with the session's token. */
        HttpResponse<String> update(String fields) throws Exception {
            return postForm("/reseller", fields + "&csrf=" + csrf);
        }

        HttpResponse<String> postForm(String path, String body) throws Exception {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.substring(0, cookie.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }
}
