package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.domain.twofactor.Totp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal in a real browser (Chromium, driven by Playwright) against a running SmartConnect over HTTP, with its
 * mails read from a real SMTP server (GreenMail). Each journey starts from a fresh browser; every page it meets is
 * checked with axe-core, and each page's screenshots at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";

    private final RfcTotp totp = new RfcTotp();

    private PortalBrowser browser;
    private PortalServer portal;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        browser = PortalBrowser.launch();
        portal = PortalServer.start(dataDir);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void signUpWithMistakesThenVerifyLogOutAndLogIn() throws Exception {
        String email = "ada.lovelace@example.org";
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            assertThat(page).hasURL(portal.base + "/login");
            browser.checkAndShoot(page, "login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign Up")).last().click();
            assertThat(page).hasURL(portal.base + "/signup");
            browser.checkAndShoot(page, "signup");

            int mailsBefore = portal.client.mailsReceived();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#email-error")).hasText("Please enter email address");
            assertThat(page.locator("#firstName-error")).isVisible();
            page.getByLabel("Email").fill("ada@");
            page.getByLabel("First Name").fill("Ada");
            page.getByLabel("Last Name").fill("Lovelace");
            page.getByLabel("Password").fill("lovelace");
            page.getByLabel("Location").selectOption("GB");
            assertThat(page.locator("[data-rule=length]")).hasClass("met");
            assertThat(page.locator("[data-rule=name]")).hasClass("unmet");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#email-error"))
                    .hasText("You have entered an invalid email address. Please re-enter the email address.");
            assertThat(page.locator("#password-error")).isVisible();
            assertThat(page.getByLabel("First Name")).hasValue("Ada");
            assertThat(page.getByLabel("Location")).hasValue("GB");
            assertThat(page.getByLabel("Password")).hasValue("");
            browser.checkAndShoot(page, "signup-errors");

            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.getByText("Step 2 of 2")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            assertThat(page.locator("#company_name-error")).isVisible();
            assertThat(page.locator("#privacyAccepted-error")).isVisible();
            assertThat(portal.client.mailsReceived()).as("nothing signed up, so nothing mailed").isEqualTo(mailsBefore);
            page.getByLabel("Company Name").fill("Analytical Engines Ltd");
            page.getByLabel("Business Type").fill("Reseller");
            page.getByLabel("Address").fill("12 St James Square");
            page.getByLabel("City").fill("London");
            page.getByLabel("Zip Code").fill("SW1Y 4JH");
            page.getByLabel("State/Province").fill("Greater London");
            browser.checkAndShoot(page, "signup-company");
            page.getByLabel("Location").selectOption("GB");
            page.getByLabel("I have reviewed").check();
            page.getByLabel("Yes").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();

            assertThat(page).hasURL(Pattern.compile(".*/verify\\?registration=[0-9a-f-]+"));
            String verifyUrl = page.url();
            // htmx asks for a new code and puts only the status line in place: the page stays where it is.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend code")).click();
            assertThat(page.locator("#resend-status")).hasText(Pattern.compile("A new code was sent|Please wait"));
            assertThat(page).hasURL(verifyUrl);
            String code = PortalClient.mailedCode(portal.mailTo(email, "verify"));
            page.locator("#digit-1").fill(code.equals("000000") ? "1" : "0");
            for (int i = 2; i <= 6; i++) {
                page.locator("#digit-" + i).fill(code.equals("000000") ? "1" : "0");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
            assertThat(page.locator("#code-error")).containsText("The code is incorrect.");
            assertThat(page.locator("#code-error")).containsText("tries left");
            browser.checkAndShoot(page, "verify");
            // A pasted code fills the six boxes.
            page.locator("#digit-1").evaluate("(box, code) => { const data = new DataTransfer(); "
                    + "data.setData('text', code); box.dispatchEvent(new ClipboardEvent('paste', "
                    + "{clipboardData: data, bubbles: true, cancelable: true})); }", code);
            assertThat(page.locator("#digit-6")).hasValue(code.substring(5));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

            assertThat(page).hasURL(portal.base + "/welcome");
            browser.checkAndShoot(page, "welcome");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip").setExact(true)).click();
            assertThat(page.getByText("Your account is verified. You can now log in")).isVisible();
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page).hasURL(portal.base + "/");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My devices"))).isVisible();
            assertThat(page.getByText("Welcome, Ada.")).isVisible();
            browser.checkAndShoot(page, "devices");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page.getByText("You have logged out.")).isVisible();
            page.navigate(portal.base + "/");
            assertThat(page).hasURL(portal.base + "/login");
            PortalBrowser.logIn(page, email, "Wr0ng!password");
            assertThat(page.getByRole(AriaRole.ALERT).first()).hasText("The email address or password is incorrect.");
            assertThat(page.getByLabel("Email")).hasValue(email);
            browser.checkAndShoot(page, "login-failed");
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page.getByText("Welcome, Ada.")).isVisible();
        }
    }

    @Test
    void forgotPasswordThroughTheMailedLink() throws Exception {
        String email = "grace.hopper@example.org";
        portal.signUpAndVerify(email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
            assertThat(page).hasURL(portal.base + "/forgot-password");
            browser.checkAndShoot(page, "forgot-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset Password")).click();
            assertThat(page.locator("#email-error")).hasText("Please enter email address");

            // The same answer for an address without an account: the page tells nobody who has one.
            page.getByLabel("Email").fill("nobody@example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset Password")).click();
            String unknownAnswer = page.locator("main").innerText();
            page.navigate(portal.base + "/forgot-password");
            page.getByLabel("Email").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset Password")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")))
                    .isVisible();
            assertThat(page.locator("main").innerText()).isEqualTo(unknownAnswer);
            browser.checkAndShoot(page, "forgot-password-sent");

            String resetPath = link(PortalClient.text(portal.mailTo(email, "password")), "/password-reset?token=");
            page.navigate(portal.base + resetPath);
            browser.checkAndShoot(page, "password-reset");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("grace");
            page.getByLabel("Confirm new password").fill("grace");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset Password")).click();
            // Too short, too few kinds of characters, and a part of the address: every rule it breaks, at the field.
            assertThat(page.locator("#password-error li")).hasCount(3);
            assertThat(page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))).hasValue("");
            browser.checkAndShoot(page, "password-reset-errors");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("Nanosecond#Wire11");
            page.getByLabel("Confirm new password").fill("Nanosecond#Wire11");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset Password")).click();
            assertThat(page.getByText("Your password has been reset.")).isVisible();
            browser.checkAndShoot(page, "password-reset-done");
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, email, "Nanosecond#Wire11");
            assertThat(page).hasURL(portal.base + "/");
            assertThat(page.getByText("Welcome, Ada.")).isVisible();

            // The used link's page, in the frame of a visitor who is logged in: their navigation, their form token.
            page.navigate(portal.base + resetPath);
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("This link has expired or was already used.");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My Account"))).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            assertThat(page).hasURL(portal.base + "/login?notice=loggedOut");
        }
    }

    @Test
    void aResellerAcceptsAndThenUnsubscribesThroughTheMailedLinks() throws Exception {
        String customer = "emmy.noether@example.org";
        String reseller = "sales@reseller.example";
        portal.signUpAndVerify(customer);
        String bearer = "Bearer " + PortalClient.field(portal.post("/api/v1/sessions",
                PortalClient.credentials(customer, PASSWORD)).body(), "token");
        assertStatus(portal.sendJson("POST", "/api/v1/reseller/invitation",
                "{\"email\": \"" + reseller + "\"}", "Authorization", bearer), 201);
        String invitation = PortalClient.text(portal.mailTo(reseller, "invites you to connect"));
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + link(invitation, "/reseller/accept?token="));
            browser.checkAndShoot(page, "reseller-accept");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ACCEPT INVITE")).click();
            assertThat(page.getByRole(AriaRole.HEADING)).containsText("You are now connected with");
            browser.checkAndShoot(page, "reseller-accepted");

            page.navigate(portal.base + link(invitation, "/reseller/unsubscribe?token="));
            browser.checkAndShoot(page, "reseller-unsubscribe");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe")).click();
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("You are unsubscribed");
            browser.checkAndShoot(page, "reseller-unsubscribed");
        }
    }

    @Test
    void aCoworkersInvitationOpensSignUpWithTheCompany() throws Exception {
        String inviter = "charles.babbage@example.org";
        portal.signUpAndVerify(inviter);
        String bearer = "Bearer " + PortalClient.field(portal.post("/api/v1/sessions",
                PortalClient.credentials(inviter, PASSWORD)).body(), "token");
        assertStatus(portal.sendJson("POST", "/api/v1/company/invitations",
                "{\"email\": \"mary.somerville@example.org\"}", "Authorization", bearer), 201);
        String invitationPath = link(PortalClient.text(portal.mailTo("mary.somerville@example.org", "invites")),
                "/register?invitation=");
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + invitationPath);
            assertThat(page.getByText("You were invited to join Analytical Engines Ltd")).isVisible();
            assertThat(page.getByLabel("Email")).hasValue("mary.somerville@example.org");
            browser.checkAndShoot(page, "signup-invitation");
            page.getByLabel("First Name").fill("Mary");
            page.getByLabel("Last Name").fill("Somerville");
            page.getByLabel("Password").fill("Mechanism#Heavens31");
            page.getByLabel("Location").selectOption("GB");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.getByText("You are joining")).containsText("Analytical Engines Ltd");
            assertThat(page.getByLabel("Company Name")).hasCount(0);
            browser.checkAndShoot(page, "signup-invitation-company");
            page.getByLabel("I have reviewed").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            assertThat(page).hasURL(Pattern.compile(".*/verify\\?registration=[0-9a-f-]+"));
            String code = PortalClient.mailedCode(portal.mailTo("mary.somerville@example.org", "verify"));
            for (int i = 1; i <= 6; i++) {
                page.locator("#digit-" + i).fill(code.substring(i - 1, i));
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
            assertThat(page).hasURL(portal.base + "/welcome");
        }
        String maryBearer = "Bearer " + PortalClient.field(portal.post("/api/v1/sessions",
                PortalClient.credentials("mary.somerville@example.org", "Mechanism#Heavens31")).body(), "token");
        assertThat(portal.get("/api/v1/me", "Authorization", maryBearer).body())
                .as("the co-worker belongs to the inviting company").contains("Analytical Engines Ltd");
    }

    @Test
    void logInWithTheSecondStepOfTwoFactorAuthentication() throws Exception {
        String email = "alan.turing@example.org";
        portal.signUpAndVerify(email);
        String bearer = "Bearer " + PortalClient.field(portal.post("/api/v1/sessions",
                PortalClient.credentials(email, PASSWORD)).body(), "token");
        HttpResponse<String> started = portal.post("/api/v1/me/two-factor/enrolment", "{\"method\": \"TOTP\"}",
                "Authorization", bearer);
        assertStatus(started, 201);
        String secret = PortalClient.field(started.body(), "secret");
        assertStatus(portal.post("/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + appCode(secret, 0) + "\"}", "Authorization", bearer), 200);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login?next=/privacy");
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page.getByText("Enter the 6-digit code from your authenticator app.")).isVisible();
            browser.checkAndShoot(page, "login-code");
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(appCode(secret, 9));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log In").setExact(true)).click();
            assertThat(page.locator("#code-error")).containsText("The code is incorrect.");
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(appCode(secret, 1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log In").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/privacy");
            browser.checkAndShoot(page, "privacy");
        }
    }

    @Test
    void aLoginLinkLeadsOnlyWithinThePortal() {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login?next=//evil.example.org/x");
            assertThat(page.locator("input[name=next]")).hasValue("/");
            page.navigate(portal.base + "/login?next=https://evil.example.org/");
            assertThat(page.locator("input[name=next]")).hasValue("/");
        }
    }

    private String appCode(String secret, int stepsFromNow) {
        return totp.codeForBase32(secret, Totp.stepAt(Instant.now()) + stepsFromNow);
    }

    private static String link(String text, String path) {
        Matcher matcher = Pattern.compile("https://portal\\.example\\.com(" + Pattern.quote(path) + "[^\\s\"<>]*)")
                .matcher(text);
        assertThat(matcher.find()).as("a link to %s in %s", path, text).isTrue();
        return matcher.group(1);
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
