package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.domain.twofactor.Totp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * My Account in a real browser (Chromium, driven by Playwright) against a running SmartConnect over HTTP, its mails
 * read from a real SMTP server (GreenMail): the profile, the e-mail address and password changes, two-factor
 * authentication, co-workers and the deletion of the account. Each journey starts from a fresh browser, tries bad
 * input on each form first (the messages appear at the fields, nothing is stored), and checks every page it meets
 * with axe-core and shoots it at phone and desktop width into {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalAccountBrowserTest {

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
    void profileIsEditedAndSavedAfterItsMistakesAreShown() throws Exception {
        String email = "emmy.noether@example.org";
        portal.signUpAndVerify(email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account");
            assertThat(page).hasURL(portal.base + "/login?next=/account");
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page).hasURL(portal.base + "/account");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My Profile"))).isVisible();
            assertThat(page.locator(".facts")).containsText(email);
            assertThat(page.getByLabel("First Name")).hasValue("Ada");
            assertThat(page.getByLabel("City")).hasValue("London");
            browser.checkAndShoot(page, "account-profile");

            page.getByLabel("First Name").fill("");
            page.getByLabel("Phone").fill("call me");
            page.getByLabel("Job Role").fill("Chief Mathematician");
            page.getByLabel("Zip Code").fill("");
            save(page);
            assertThat(page.locator("#firstName-error")).isVisible();
            assertThat(page.locator("#phone-error")).isVisible();
            assertThat(page.locator("#company_zipCode-error")).isVisible();
            assertThat(page.getByLabel("Job Role")).hasValue("Chief Mathematician");
            assertThat(page.getByLabel("Phone")).hasValue("call me");
            browser.checkAndShoot(page, "account-profile-errors");
            assertThat(me(email)).as("nothing stored").contains("\"firstName\":\"Ada\"").doesNotContain("jobRole");

            page.getByLabel("First Name").fill("Emmy");
            page.getByLabel("Phone").fill("+49 551 39 0");
            page.getByLabel("Zip Code").fill("37073");
            page.getByLabel("City").fill("Göttingen");
            page.getByLabel("Language Preference").selectOption("de");
            page.locator("#company_country").selectOption("DE");
            save(page);
            assertThat(page).hasURL(portal.base + "/account?notice=saved");
            assertThat(page.getByText("Your profile was saved.")).isVisible();
            assertThat(page.getByLabel("First Name")).hasValue("Emmy");
            assertThat(page.getByLabel("Language Preference")).hasValue("de");
            assertThat(page.getByLabel("City")).hasValue("Göttingen");
            assertThat(me(email)).contains("\"firstName\":\"Emmy\"", "\"jobRole\":\"Chief Mathematician\"",
                    "\"phone\":\"+49 551 39 0\"", "\"language\":\"de\"", "\"city\":\"Göttingen\"");
        }
    }

    @Test
    void twoFactorWithTheAuthenticatorAppThenLogInWithItsCodeAndTurnItOff() throws Exception {
        String email = "alan.kay@example.org";
        portal.signUpAndVerify(email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, email, PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My Account")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Two-Factor Authentication")).first()
                    .click();
            assertThat(page).hasURL(portal.base + "/account/two-factor");
            assertThat(page.getByText("Two-Factor Authentication is off.")).isVisible();
            browser.checkAndShoot(page, "account-two-factor-off");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Turn On")).click();

            assertThat(page).hasURL(portal.base + "/account/two-factor/turn-on");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#method-error")).hasText("Please choose a verification method.");
            browser.checkAndShoot(page, "account-two-factor-method");
            // With the keyboard alone: the choice, then Next.
            page.getByLabel("an authenticator app").focus();
            page.keyboard().press("Space");
            assertThat(page.getByLabel("an authenticator app")).isChecked();
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Next");
            page.keyboard().press("Enter");

            assertThat(page).hasURL(portal.base + "/account/two-factor/confirm");
            Locator qr = page.locator("img.qr");
            assertThat(qr).isVisible();
            page.waitForFunction("() => { const image = document.querySelector('img.qr'); "
                    + "return image.complete && image.naturalWidth > 0; }");
            String secret = page.locator("#secret").innerText().replace(" ", "");
            page.getByLabel("6-digit code").fill(wrongCode(appCode(secret, 0)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            assertThat(page.locator("#code-error")).containsText("The code is not correct.");
            assertThat(twoFactor(email)).as("still off").contains("\"enabled\":false");
            browser.checkAndShoot(page, "account-two-factor-confirm");
            page.getByLabel("6-digit code").fill(appCode(secret, 0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your recovery codes")))
                    .isVisible();
            List<String> codes = page.locator(".codes code").allInnerTexts();
            assertThat(codes).isNotEmpty();
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Download the codes")).click());
            assertThat(download.suggestedFilename()).isEqualTo("smartconnect-recovery-codes.txt");
            String file = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(file).contains(codes);
            browser.checkAndShoot(page, "account-recovery-codes");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Done")).click();
            assertThat(page.getByText("Two-Factor Authentication is on, with an authenticator app.")).isVisible();
            browser.checkAndShoot(page, "account-two-factor-on");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page.getByText("Enter the 6-digit code from your authenticator app.")).isVisible();
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(appCode(secret, 1));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log In").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/");

            page.navigate(portal.base + "/account/two-factor");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn Off")).click();
            assertThat(page.locator("#password-error")).hasText("Please enter your password.");
            assertThat(page.locator("#code-error")).hasText("Please enter the code.");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("Wr0ng!password");
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(codes.get(0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn Off")).click();
            assertThat(page.locator("#password-error")).hasText("The password is not correct.");
            page.navigate(portal.base + "/account/two-factor");
            assertThat(page.locator(".state")).hasText("Two-Factor Authentication is on, with an authenticator app.");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(codes.get(0));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn Off")).click();
            assertThat(page).hasURL(portal.base + "/account/two-factor?notice=off");
            assertThat(twoFactor(email)).contains("\"enabled\":false");
        }
    }

    @Test
    void emailChangeWithTheCodeMailedToTheNewAddress() throws Exception {
        String email = "sophie.germain@example.org";
        String newEmail = "s.germain@example.org";
        portal.signUpAndVerify(email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account/email");
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page).hasURL(portal.base + "/account/email");
            browser.checkAndShoot(page, "account-email");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#newEmail-error")).hasText("Please enter email address");
            assertThat(page.locator("#password-error")).hasText("Please enter your password.");
            page.getByLabel("New email address").fill("s.germain@");
            page.getByLabel("Current password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#newEmail-error"))
                    .hasText("You have entered an invalid email address. Please re-enter the email address.");
            assertThat(page.getByLabel("New email address")).hasValue("s.germain@");
            assertThat(page.getByLabel("Current password")).hasValue("");
            page.getByLabel("New email address").fill(newEmail);
            page.getByLabel("Current password").fill("Wr0ng!password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#password-error")).hasText("The password is not correct.");
            browser.checkAndShoot(page, "account-email-errors");
            page.getByLabel("Current password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();

            assertThat(page).hasURL(portal.base + "/account/email/confirm");
            String code = PortalClient.mailedCode(portal.mailTo(newEmail, "confirm your new email"));
            page.getByLabel("6-digit code").fill(wrongCode(code));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            assertThat(page.locator("#code-error")).containsText("tries left");
            assertThat(me(email)).as("nothing changed yet").contains(email);
            browser.checkAndShoot(page, "account-email-confirm");
            page.getByLabel("6-digit code").fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
            assertThat(page).hasURL(portal.base + "/account?notice=emailChanged");
            assertThat(page.getByText("Your email address was changed.")).isVisible();
            assertThat(page.locator(".facts")).containsText(newEmail);
        }
        assertThat(me(newEmail)).contains(newEmail);
    }

    @Test
    void passwordChangeUnderTheFourRules() throws Exception {
        String email = "hypatia@example.org";
        String newPassword = "Astrolabe#Alexandria4";
        portal.signUpAndVerify(email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account/password");
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page).hasURL(portal.base + "/account/password");
            browser.checkAndShoot(page, "account-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change Password")).click();
            assertThat(page.locator("#currentPassword-error")).hasText("Please enter your password.");
            assertThat(page.locator("#password-error")).hasText("Please enter a new password.");

            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("Lovelace#1");
            // Checked as the person types: long enough, but it holds the last name.
            assertThat(page.locator("[data-rule=length]")).hasClass("met");
            assertThat(page.locator("[data-rule=name]")).hasClass("unmet");
            page.getByLabel("Confirm new password").fill("Lovelace#1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change Password")).click();
            assertThat(page.locator("#password-error")).isVisible();
            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
            page.getByLabel("Confirm new password").fill(newPassword + "x");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change Password")).click();
            assertThat(page.locator("#passwordConfirmation-error")).hasText("The passwords do not match.");
            page.getByLabel("Current password").fill("Wr0ng!password");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
            page.getByLabel("Confirm new password").fill(newPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change Password")).click();
            assertThat(page.locator("#currentPassword-error")).hasText("The password is not correct.");
            assertThat(page.getByLabel("Current password")).hasValue("");
            browser.checkAndShoot(page, "account-password-errors");
            assertStatus(portal.post("/api/v1/sessions", PortalClient.credentials(email, PASSWORD)), 201);

            page.getByLabel("Current password").fill(PASSWORD);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
            page.getByLabel("Confirm new password").fill(newPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change Password")).click();
            assertThat(page).hasURL(portal.base + "/account?notice=passwordChanged");
            assertThat(page.getByText("Your password was changed.")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
            PortalBrowser.logIn(page, email, PASSWORD);
            assertThat(page.getByRole(AriaRole.ALERT).first()).hasText("The email address or password is incorrect.");
            PortalBrowser.logIn(page, email, newPassword);
            assertThat(page).hasURL(portal.base + "/");
        }
    }

    @Test
    void aCoworkerInvitedRegistersThroughTheLinkIntoTheSameCompany() throws Exception {
        String inviter = "marie.curie@example.org";
        String coworker = "pierre.curie@example.org";
        portal.signUpAndVerify(inviter);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account/coworkers");
            PortalBrowser.logIn(page, inviter, PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("Send a co-worker an invite to the portal."))).isVisible();
            assertThat(page.getByText("Just enter their email address and we’ll connect them to register."))
                    .isVisible();
            browser.checkAndShoot(page, "account-coworkers");
            int mailsBefore = portal.client.mailsReceived();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Invite")).click();
            assertThat(page.locator("#email-error")).hasText("Please enter email address");
            page.getByLabel("Email").fill("pierre@");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Invite")).click();
            assertThat(page.locator("#email-error"))
                    .hasText("You have entered an invalid email address. Please re-enter the email address.");
            assertThat(page.getByLabel("Email")).hasValue("pierre@");
            assertThat(page.getByText("No invitations yet.")).isVisible();
            assertThat(portal.client.mailsReceived()).as("nothing invited, so nothing mailed").isEqualTo(mailsBefore);

            // With the keyboard: the address, Tab to Send Invite, Enter.
            page.getByLabel("Email").fill(coworker);
            page.getByLabel("Email").focus();
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Send Invite");
            page.keyboard().press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invitation Sent")))
                    .isVisible();
            assertThat(page.getByText("Your invitation was sent. Thanks for sharing SmartConnect with your co-worker."))
                    .isVisible();
            assertThat(page.locator(".invitations")).containsText(coworker);
            assertThat(page.locator(".invitations")).containsText("Pending");
            browser.checkAndShoot(page, "account-coworkers-sent");

            page.getByLabel("Email").fill(coworker);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Invite")).click();
            assertThat(page.locator("#email-error")).hasText(
                    "This co-worker has already been invited to the portal. Please invite another co-worker.");
            browser.checkAndShoot(page, "account-coworkers-errors");

            page.getByLabel("Email").fill("irene.curie@example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Invite")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Withdraw the invitation to irene.curie@example.org")).click();
            assertThat(page.getByText("The invitation was withdrawn.")).isVisible();
            assertThat(page.locator(".invitations li").filter(new Locator.FilterOptions()
                    .setHasText("irene.curie@example.org"))).containsText("Withdrawn");
        }
        String invitationPath = link(PortalClient.text(portal.mailTo(coworker, "invites you")), "/register?invitation=");
        String withdrawnPath = link(PortalClient.text(portal.mailTo("irene.curie@example.org", "invites you")),
                "/register?invitation=");
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + withdrawnPath);
            assertThat(page.getByText("This invitation has expired.")).isVisible();
            page.navigate(portal.base + invitationPath);
            assertThat(page.getByText("You were invited to join Analytical Engines Ltd")).isVisible();
            page.getByLabel("First Name").fill("Pierre");
            page.getByLabel("Last Name").fill("Curie");
            page.getByLabel("Password").fill("Piezo#Electric59");
            page.getByLabel("Location").selectOption("FR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            page.getByLabel("I have reviewed").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
            String code = PortalClient.mailedCode(portal.mailTo(coworker, "verify"));
            for (int i = 1; i <= 6; i++) {
                page.locator("#digit-" + i).fill(code.substring(i - 1, i));
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip").setExact(true)).click();
            PortalBrowser.logIn(page, coworker, "Piezo#Electric59");
            page.navigate(portal.base + "/account");
            assertThat(page.getByLabel("Company Name")).hasValue("Analytical Engines Ltd");
        }
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account/coworkers");
            PortalBrowser.logIn(page, inviter, PASSWORD);
            assertThat(page.locator(".invitations li").filter(new Locator.FilterOptions().setHasText(coworker)))
                    .containsText("Joined");
        }
    }

    @Test
    void accountDeletionWithTheMailedCodeOfTwoFactorAuthentication() throws Exception {
        String email = "rosalind.franklin@example.org";
        portal.signUpAndVerify(email);
        String bearer = bearer(email, PASSWORD);
        assertStatus(portal.post("/api/v1/me/two-factor/enrolment", "{\"method\": \"EMAIL\"}",
                "Authorization", bearer), 201);
        String enrolmentCode = PortalClient.mailedCode(portal.mailTo(email, "turn on two-factor"));
        assertStatus(portal.post("/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + enrolmentCode + "\"}", "Authorization", bearer), 200);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/account");
            PortalBrowser.logIn(page, email, PASSWORD);
            String loginCode = PortalClient.mailedCode(portal.mailTo(email, "login code"));
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(loginCode);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log In").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/account");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete My Account")).last().click();

            assertThat(page).hasURL(portal.base + "/account/delete");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Account Deletion Request")))
                    .isVisible();
            assertThat(page.getByText("This action cannot be undone")).isVisible();
            browser.checkAndShoot(page, "account-delete");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#password-error")).hasText("Please enter your password.");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#code-error")).hasText("Please enter the code.");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("000000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#code-error")).hasText("The code is not correct.");
            browser.checkAndShoot(page, "account-delete-errors");
            assertStatus(portal.post("/api/v1/sessions", PortalClient.credentials(email, PASSWORD)), 202);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send code")).click();
            assertThat(page.locator("#resend-status")).hasText("A new code was sent to your email address.");
            String code = PortalClient.mailedCode(portal.mailTo(email, "confirmation code"));
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();

            assertThat(page).hasURL(portal.base + "/account/deleted");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Your account was deleted"))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))).hasCount(0);
            browser.checkAndShoot(page, "account-deleted");
            page.navigate(portal.base + "/account");
            assertThat(page).hasURL(portal.base + "/login?next=/account");
        }
        assertStatus(portal.post("/api/v1/sessions", PortalClient.credentials(email, PASSWORD)), 401);
    }

    private static void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    }

    /** GET /api/v1/me of a fresh session: what the account holds now. */
    private String me(String email) throws Exception {
        HttpResponse<String> me = portal.get("/api/v1/me", "Authorization", bearer(email, PASSWORD));
        assertStatus(me, 200);
        return me.body();
    }

    private String twoFactor(String email) throws Exception {
        HttpResponse<String> status = portal.get("/api/v1/me/two-factor", "Authorization",
                bearer(email, PASSWORD));
        assertStatus(status, 200);
        return status.body();
    }

    private String bearer(String email, String password) throws Exception {
        HttpResponse<String> session = portal.post("/api/v1/sessions", PortalClient.credentials(email, password));
        assertStatus(session, 201);
        return "Bearer " + PortalClient.field(session.body(), "token");
    }

    private String appCode(String secret, int stepsFromNow) {
        return totp.codeForBase32(secret, Totp.stepAt(Instant.now()) + stepsFromNow);
    }

    /** A 6-digit code that differs from {@code code} in every digit. */
    private static String wrongCode(String code) {
        StringBuilder wrong = new StringBuilder();
        for (char digit : code.toCharArray()) {
            wrong.append((char) ('0' + (digit - '0' + 5) % 10));
        }
        return wrong.toString();
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
