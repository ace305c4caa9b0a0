package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UPS Status page in a real browser against a running SmartConnect, with simulated UPSes on MQTT: an owner with
 * two-factor authentication on reboots an outlet group (the confirm step, Cancel first; the UPS receives the command,
 * acknowledges it as the device protocol says, and the page, polling with htmx, shows it done); an owner without
 * two-factor authentication gets the seed's words and the way to turn it on; a reminder to the reseller refused for
 * want of one says what to do; a co-worker reads the page without its buttons. axe-core checks each page; screenshots
 * at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalStatusBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String REBOOT_UPS = "ST2104000001";
    private static final String NO_TWO_FACTOR_UPS = "ST2104000002";
    private static final String REMINDER_UPS = "ST2104000003";
    private static final String SHARED_UPS = "ST2104000004";

    private PortalBrowser browser;
    private PortalServer portal;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        browser = PortalBrowser.launch();
        portal = PortalServer.start(dataDir);
        portal.upses.importCatalog(List.of(REBOOT_UPS, NO_TWO_FACTOR_UPS, REMINDER_UPS, SHARED_UPS));
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void anOwnerWithTwoFactorRebootsAnOutletGroupAndFollowsItUntilTheUpsAnswers() throws Exception {
        String email = "ada.status@example.org";
        portal.signUpAndVerify(email);
        String bearer = portal.bearer(email);
        MqttClient device = portal.upses.connect(REBOOT_UPS, true, "OL", "CHRG");
        SimulatedUpses.publish(device, REBOOT_UPS, "status", new JsonObject().put("seq", 2)
                .put("sentAt", "2026-11-20T08:17:30Z").put("status", List.of("OL", "CHRG"))
                .put("batteryChargePercent", 96).put("batteryRuntimeSeconds", 2710).put("loadPercent", 23.5)
                .put("inputVoltage", 229.8).put("outputVoltage", 230.0).put("temperatureC", 27.5).encode());
        portal.upses.awaitBirth(REBOOT_UPS);
        SimulatedUpses.eventually(() -> portal.server.devices().query().state(
                new com.smartconnect.domain.device.ProductId(REBOOT_UPS)).flatMap(state -> state.latestStatus())
                .filter(s -> s.seq().orElse(0L) == 2).isPresent());
        register(bearer, REBOOT_UPS, "Server rack");
        HttpResponse<String> zone = portal.sendJson("PATCH", "/api/v1/devices/" + REBOOT_UPS,
                "{\"timeZone\": \"Europe/Paris\"}", "Authorization", bearer);
        assertThat(zone.statusCode()).as(zone.body()).isEqualTo(200);
        turnOnTwoFactorByEmail(email, bearer);

        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, email);
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
                    .fill(PortalClient.mailedCode(portal.mailTo(email, "login code")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log In").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/");

            // My devices: the UPS's name leads to its Status page; its Profile link stays.
            Locator card = page.locator("li.device[data-product-id=" + REBOOT_UPS + "]");
            assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("UPS Profile Server rack")))
                    .hasAttribute("href", "/devices/profile?productId=" + REBOOT_UPS);
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Server rack").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + REBOOT_UPS);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("UPS Status")))
                    .isVisible();
            Locator now = page.locator(".status-now");
            assertThat(now).containsText("Online");
            assertThat(now).containsText("On line");
            assertThat(now).containsText("Charging");
            assertThat(now).containsText("96 %");
            assertThat(now).containsText("45 min");
            assertThat(now).containsText("229.8 V");
            assertThat(now).containsText("27.5 °C");
            assertThat(now).containsText("Last status received 20 Nov 2026, 09:17 CET");
            Locator facts = page.locator("#device");
            assertThat(facts).containsText("SMT1500RMI2UC");
            assertThat(facts).containsText("UPS 15.5 / NMC 1.2");
            assertThat(facts).containsText("Europe/Paris (CET)");
            assertThat(facts).containsText("Warranty Expires on 1 March 2027");
            assertThat(page.locator("#lifecycle")).containsText("APCRBC159");
            assertThat(page.locator("#plan")).containsText("Free monitoring period");
            assertThat(page.locator("#plan")).containsText("Included: Remote reboot of outlet groups");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Send reminder to my reseller")))).hasCount(2);
            browser.checkAndShoot(page, "device-status");

            // The confirm step; Cancel leads back without sending anything.
            int before = portal.upses.commands().size();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reboot outlet group SOG1")).click();
            assertThat(page).hasURL(portal.base + "/devices/reboot?productId=" + REBOOT_UPS + "&outletGroup=SOG1");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Reboot outlet group SOG1 of UPS Server rack?"))).isVisible();
            browser.checkAndShoot(page, "device-reboot-confirm");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + REBOOT_UPS);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reboot outlet group SOG1")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reboot")).click();

            // Sent: the UPS receives it, and the page, asking every 2 seconds, says so.
            assertThat(page).hasURL(Pattern.compile(".*/devices/command\\?productId=" + REBOOT_UPS + "&commandId=.+"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Reboot of outlet group SOG1 of UPS Server rack"))).isVisible();
            assertThat(page.getByRole(AriaRole.STATUS)).isVisible();
            SimulatedUpses.eventually(() -> portal.upses.commands().size() > before);
            JsonObject command = portal.upses.commands().get(portal.upses.commands().size() - 1);
            assertThat(command.getString("type")).isEqualTo("REBOOT_OUTLET_GROUP");
            assertThat(command.getString("outletGroup")).isEqualTo("SOG1");
            assertThat(portal.upses.commands().subList(before, portal.upses.commands().size())).hasSize(1);
            Locator state = page.locator("#command-state");
            assertThat(state).hasAttribute("data-state", "delivered");
            assertThat(state).containsText("Received by the UPS");
            assertThat(state.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Refresh"))).isVisible();
            browser.checkAndShoot(page, "device-reboot-sent");

            // The UPS answers on its acks topic; the page shows it done, without a reload, and stops asking.
            String url = page.url();
            SimulatedUpses.publish(device, REBOOT_UPS, "acks", new JsonObject()
                    .put("commandId", command.getString("commandId")).put("result", "OK")
                    .put("message", "outlet group SOG1 rebooted").put("sentAt", "2026-11-20T08:18:00Z").encode());
            assertThat(state).hasAttribute("data-state", "ok", new com.microsoft.playwright.assertions
                    .LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Done");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("The UPS rebooted outlet group SOG1.");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("outlet group SOG1 rebooted");
            assertThat(state).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
            assertThat(page).hasURL(url);
            browser.checkAndShoot(page, "device-reboot-done");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to UPS Status")).click();
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + REBOOT_UPS);
        }
    }

    @Test
    void anOwnerWithoutTwoFactorIsToldToTurnItOnAndWhere() throws Exception {
        String email = "grace.status@example.org";
        portal.signUpAndVerify(email);
        portal.upses.connect(NO_TWO_FACTOR_UPS, true, "OB", "DISCHRG");
        portal.upses.awaitBirth(NO_TWO_FACTOR_UPS);
        register(portal.bearer(email), NO_TWO_FACTOR_UPS, "Front desk");
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/devices/status?productId=" + NO_TWO_FACTOR_UPS);
            // Logged out: the login comes first, then the page asked for.
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            PortalBrowser.logIn(page, email);
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + NO_TWO_FACTOR_UPS);
            assertThat(page.locator(".status-now")).containsText("On battery");
            int before = portal.upses.commands().size();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reboot outlet group MAIN")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reboot")).click();

            assertThat(page).hasURL(portal.base + "/devices/reboot");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Enable Two-Factor Authentication to reboot outlet groups"))).isVisible();
            Locator refusal = page.locator("[data-reboot-refused]");
            assertThat(refusal).containsText("It is highly recommended that you enable Two-Factor Authentication to add "
                    + "an extra layer of security to your account. This must be enabled in the web portal to remotely "
                    + "reboot your UPS device’s outlet groups");
            assertThat(refusal).containsText("Click My Account and navigate to View Profile.");
            assertThat(refusal).containsText("Click Turn On.");
            browser.checkAndShoot(page, "device-reboot-two-factor");
            Thread.sleep(1500);
            assertThat(portal.upses.commands()).hasSize(before);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Two-Factor Authentication")
                    .setExact(true)).last().click();
            assertThat(page).hasURL(portal.base + "/account/two-factor");
        }
    }

    @Test
    void aReminderToTheResellerIsRefusedWithoutOneAndSaysWhatToDo() throws Exception {
        String email = "alan.status@example.org";
        portal.signUpAndVerify(email);
        portal.upses.connect(REMINDER_UPS, true, "OL");
        portal.upses.awaitBirth(REMINDER_UPS);
        register(portal.bearer(email), REMINDER_UPS, "Lab UPS");
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, email);
            page.navigate(portal.base + "/devices/status?productId=" + REMINDER_UPS + "&range=1y");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("UPS Status")))
                    .isVisible();
            page.locator("#lifecycle").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^Send reminder to my reseller"))).click();
            Locator refusal = page.locator("[data-reminder-refusal]");
            assertThat(refusal).isVisible();
            assertThat(refusal).hasAttribute("role", "alert");
            assertThat(refusal).containsText("You have no connected reseller to remind. Invite your reseller on the "
                    + "Reseller page");
            assertThat(refusal.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Go to the Reseller page"))).hasAttribute("href", "/reseller");
            browser.checkAndShoot(page, "device-status-reminder-refused");
        }
    }

    @Test
    void aCoworkerReadsTheStatusPageWithoutItsButtons() throws Exception {
        String email = "owner.status@example.org";
        portal.signUpAndVerify(email);
        String bearer = portal.bearer(email);
        portal.upses.connect(SHARED_UPS, true, "OL", "RB");
        portal.upses.awaitBirth(SHARED_UPS);
        register(bearer, SHARED_UPS, "Shared closet");
        String colleague = "colleague.status@example.org";
        portal.joinAsCoworker(bearer, colleague);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, colleague);
            Locator card = page.locator("li.device[data-product-id=" + SHARED_UPS + "]");
            assertThat(card).containsText("Co-worker’s device (read-only)");
            // Its Status page (the name) and its Event Log; nothing to change it.
            assertThat(card.getByRole(AriaRole.LINK)).hasCount(2);
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Shared closet").setExact(true)).click();
            assertThat(page).hasURL(portal.base + "/devices/status?productId=" + SHARED_UPS);
            assertThat(page.locator(".device-head")).containsText("Co-worker’s device (read-only)");
            assertThat(page.locator(".status-now")).containsText("Replace battery");
            assertThat(page.locator("#outlets")).containsText("MAIN");
            assertThat(page.locator("#outlets")).containsText("Only the account owner who has registered the UPS");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Reboot"))))
                    .hasCount(0);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^Send reminder")))).hasCount(0);
            assertThat(page.locator(".device-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("UPS Profile"))).hasCount(0);
            browser.checkAndShoot(page, "device-status-coworker");
            page.navigate(portal.base + "/devices/reboot?productId=" + SHARED_UPS + "&outletGroup=MAIN");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Only the owner can change this UPS"))).isVisible();
            // A post made by hand, with the page's own token, is refused as well: nothing reaches the UPS.
            String csrf = page.locator("input[name=csrf]").first().inputValue();
            int commands = portal.upses.commands().size();
            for (String[] post : new String[][] {{"/devices/reboot", "outletGroup=MAIN"}, {"/devices/remind", "kind=battery"}}) {
                PortalBrowser.Answer refused = PortalBrowser.postFromPage(page, post[0], "csrf=" + csrf
                        + "&productId=" + SHARED_UPS + "&" + post[1]);
                assertThat(refused.status()).as(post[0]).isEqualTo(403);
                assertThat(refused.body()).contains("Only the owner can change this UPS");
            }
            assertThat(portal.upses.commands()).hasSize(commands);
        }
    }

    /** Two-factor authentication by e-mail, turned on through the API with the mailed code. */
    private void turnOnTwoFactorByEmail(String email, String bearer) throws Exception {
        HttpResponse<String> started = portal.post("/api/v1/me/two-factor/enrolment",
                "{\"method\": \"EMAIL\"}", "Authorization", bearer);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String code = PortalClient.mailedCode(portal.mailTo(email, "turn on two-factor"));
        HttpResponse<String> confirmed = portal.post("/api/v1/me/two-factor/enrolment/confirmation",
                "{\"code\": \"" + code + "\"}", "Authorization", bearer);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    /** Registers the UPS by the API and names it. */
    private void register(String bearer, String productId, String name) throws Exception {
        HttpResponse<String> registered = portal.post("/api/v1/devices",
                "{\"productId\": \"" + productId + "\", \"productKey\": \"" + SimulatedUpses.KEY + "\"}",
                "Authorization", bearer);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> named = portal.sendJson("PATCH", "/api/v1/devices/" + productId,
                "{\"name\": \"" + name + "\"}", "Authorization", bearer);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    }

}
