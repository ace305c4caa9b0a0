package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * The customer's Reseller page in a real browser (Chromium, driven by Playwright) against a running SmartConnect, its
 * mails read from a real SMTP server (GreenMail): a mistyped address first, then the invitation, Cancel then Update
 * Settings, the invitation again, the reseller accepting from the mail in a browser of their own, the page saying
 * connected, Disconnect through its confirm step, and Not interested? (the next UPS registered offers no Reseller
 * step). axe-core checks each page; screenshots at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalResellerBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String ADDRESS_LABEL = "Reseller’s email address";
    private static final String UPS = "AS2104123470";

    private PortalBrowser browser;
    private PortalServer portal;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        browser = PortalBrowser.launch();
        portal = PortalServer.start(dataDir);
        portal.upses.importCatalog(List.of(UPS));
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void inviteCancelInviteAgainAcceptedDisconnectedThenNotInterested() throws Exception {
        String customer = "grace.hopper@example.org";
        String reseller = "rex@reseller.example";
        portal.signUpAndVerify(customer);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, customer);
            page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Reseller").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/reseller");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reseller").setExact(true)))
                    .isVisible();
            assertThat(state(page)).hasText("You have not invited a reseller.");
            browser.checkAndShoot(page, "reseller");

            // A mistake first: nothing is sent, the address stays as typed.
            int mailsBefore = portal.client.mailsReceived();
            page.getByLabel(ADDRESS_LABEL).fill("rex@reseller");
            updateSettings(page);
            assertThat(page.locator("#email-error"))
                    .hasText("You have entered an invalid email address. Please re-enter the email address.");
            assertThat(page.getByLabel(ADDRESS_LABEL)).hasValue("rex@reseller");
            assertThat(state(page)).hasText("You have not invited a reseller.");
            assertThat(portal.client.mailsReceived()).as("nothing invited, so nothing mailed").isEqualTo(mailsBefore);
            browser.assertAccessible(page);

            page.getByLabel(ADDRESS_LABEL).fill(reseller);
            updateSettings(page);
            assertThat(page).hasURL(portal.base + "/reseller?notice=invited");
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .hasText("Your invitation was sent to " + reseller + ". It expires after 7 days.");
            assertThat(state(page)).hasText("Your invitation to " + reseller + " is waiting to be accepted.");
            Locator times = page.locator(".reseller-state time");
            assertThat(times).hasCount(2);
            Instant invitedAt = Instant.parse(times.nth(0).getAttribute("datetime"));
            Instant expiresAt = Instant.parse(times.nth(1).getAttribute("datetime"));
            assertThat(Duration.between(invitedAt, expiresAt)).isEqualTo(Duration.ofDays(7));
            assertThat(page.locator(".reseller-state")).containsText("Invitation expires");
            browser.checkAndShoot(page, "reseller-invited");
            String firstInvitation = PortalClient.text(portal.mailTo(reseller, "invites you to connect"));
            assertThat(resellerJson(customer)).contains("\"state\":\"invited\"");

            // Cancel, then Update Settings: nothing changes until the second click.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel").setExact(true)).click();
            assertThat(page.locator(".notice[role=status]"))
                    .containsText("The invitation to " + reseller + " will be cancelled when you click Update Settings.");
            assertThat(resellerJson(customer)).as("not yet cancelled").contains("\"state\":\"invited\"");
            browser.checkAndShoot(page, "reseller-cancel");
            updateSettings(page);
            assertThat(page).hasURL(portal.base + "/reseller?notice=cancelled");
            assertThat(state(page)).hasText("You cancelled your invitation to " + reseller + ".");
            assertThat(resellerJson(customer)).contains("\"state\":\"cancelled\"");

            page.getByLabel(ADDRESS_LABEL).fill(reseller);
            updateSettings(page);
            assertThat(page).hasURL(portal.base + "/reseller?notice=invited");
            String secondInvitation = PortalClient.text(portal.mailTo(reseller, "invites you to connect"));

            // The reseller, in a browser of their own, opens the links of the mails.
            try (BrowserContext resellers = browser.freshContext()) {
                Page mail = resellers.newPage();
                mail.navigate(portal.base + link(firstInvitation, "/reseller/accept?token="));
                assertThat(mail.getByRole(AriaRole.HEADING)).hasText("This invitation has expired.");
                assertThat(mail.getByText("cancelled this invitation before it was accepted")).isVisible();
                mail.navigate(portal.base + link(secondInvitation, "/reseller/accept?token="));
                mail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ACCEPT INVITE")).click();
                assertThat(mail.getByRole(AriaRole.HEADING)).containsText("You are now connected with");
            }

            page.navigate(portal.base + "/reseller");
            assertThat(state(page)).hasText("You are connected with your reseller " + reseller + ".");
            assertThat(page.locator(".reseller-state")).containsText("Connected since");
            assertThat(page.getByLabel(ADDRESS_LABEL)).hasCount(0);
            browser.checkAndShoot(page, "reseller-connected");

            // Disconnect asks first; staying connected changes nothing.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Disconnect")).click();
            assertThat(page).hasURL(portal.base + "/reseller/disconnect");
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("Disconnect from " + reseller + "?");
            assertThat(page.getByText("you must invite your reseller and they must accept your invitation again"))
                    .isVisible();
            browser.checkAndShoot(page, "reseller-disconnect-confirm");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stay connected")).click();
            assertThat(page).hasURL(portal.base + "/reseller");
            assertThat(state(page)).hasText("You are connected with your reseller " + reseller + ".");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Disconnect")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disconnect")).click();
            assertThat(page).hasURL(portal.base + "/reseller?notice=disconnected");
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("You disconnected from " + reseller);
            assertThat(state(page)).hasText("You disconnected from your reseller " + reseller + ".");
            assertThat(page.locator(".reseller-state")).containsText("Disconnected");
            assertThat(resellerJson(customer)).contains("\"state\":\"disconnected\"",
                    "\"offerOnDeviceRegistration\":true");

            // Not interested?: saved, and adding a UPS no longer offers the Reseller step.
            page.getByLabel("Not interested?").check();
            updateSettings(page);
            assertThat(page).hasURL(portal.base + "/reseller?notice=saved");
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Your settings were saved.");
            assertThat(page.getByLabel("Not interested?")).isChecked();
            assertThat(resellerJson(customer)).contains("\"notInterested\":true", "\"offerOnDeviceRegistration\":false");

            portal.upses.connect(UPS, true, "OL");
            portal.upses.awaitBirth(UPS);
            page.navigate(portal.base + "/devices/add");
            Locator codes = page.locator("#codes");
            codes.getByLabel("Product ID").fill(UPS);
            codes.getByLabel("Product Key").fill(SimulatedUpses.KEY);
            codes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register UPS")).click();
            // Without "&reseller=1" the steps end at My devices, not at the Reseller step.
            assertThat(page).hasURL(portal.base + "/devices/profile?productId=" + UPS + "&setup=1");
        }
    }

    private static Locator state(Page page) {
        return page.locator(".reseller-state .state");
    }

    private static void updateSettings(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update Settings")).click();
    }

    /** GET /api/v1/reseller of a fresh API session: the connection as the API sees it. */
    private String resellerJson(String email) throws Exception {
        HttpResponse<String> session = portal.post("/api/v1/sessions", PortalClient.credentials(email, PASSWORD));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        HttpResponse<String> reseller = portal.get("/api/v1/reseller", "Authorization",
                "Bearer " + PortalClient.field(session.body(), "token"));
        assertThat(reseller.statusCode()).as(reseller.body()).isEqualTo(200);
        return reseller.body().replace(" ", "");
    }

    private static String link(String text, String path) {
        Matcher matcher = Pattern.compile("https://portal\\.example\\.com(" + Pattern.quote(path) + "[^\\s\"<>]*)")
                .matcher(text);
        assertThat(matcher.find()).as("a link to %s in %s", path, text).isTrue();
        return matcher.group(1);
    }
}
