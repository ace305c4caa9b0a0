package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email Notifications in a real browser against a running SmartConnect, with simulated UPSes on MQTT: the owner
 * creates a notification (a mistyped address first, then a mistyped event type, what was typed kept), edits it with
 * Save Settings and deletes another; a UPS on a Standard plan that reports more events than the throttle allows has
 * its notifications disabled, the page says until when in the UPS's time zone and Enable Notifications enables them;
 * the unsubscribe link of a notification mail leads, after its confirmation and a login, to this page; a Basic-plan
 * UPS shows the plan notice; a co-worker reads the notifications and cannot change them. axe-core checks each page;
 * screenshots at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalNotificationsBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String OWNER = "ada.lovelace@example.org";
    private static final String COWORKER = "mary.somerville@example.org";
    private static final String FLOODED_OWNER = "charles.babbage@example.org";
    private static final String RACK = "AS2104123456";
    private static final String BASIC = "AS2104123457";
    private static final String FLOODED = "AS2104123458";
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "https://portal\\.example\\.com(/notifications/unsubscribe\\?token=[A-Za-z0-9._~-]+)");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm", Locale.ENGLISH);

    private PortalBrowser browser;
    private PortalServer portal;
    private final AtomicInteger eventIds = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        browser = PortalBrowser.launch();
        portal = PortalServer.start(dataDir);
        portal.upses.importCatalog(List.of(RACK, BASIC, FLOODED));
        portal.client.signUpAndVerify(portal.server, OWNER);
        for (String ups : List.of(RACK, BASIC)) {
            portal.upses.connect(ups, true, "OL");
            portal.upses.awaitBirth(ups);
            portal.register(portal.bearer(OWNER), ups);
        }
        name(portal.bearer(OWNER), RACK, "Rack 4");
        name(portal.bearer(OWNER), BASIC, "Lab bench");
        plan(RACK, "STANDARD", Optional.of("2028-12-31"));
        plan(BASIC, "BASIC", Optional.empty());
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, browser);
    }

    @Test
    void theOwnerCreatesANotificationAfterTwoMistakesEditsItAndDeletesAnother() throws Exception {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            // Logged out: the login first, then back to the page asked for.
            page.navigate(portal.base + "/devices/notifications?productId=" + RACK);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            PortalBrowser.logIn(page, OWNER);
            assertThat(page).hasURL(portal.base + "/devices/notifications?productId=" + RACK);
            assertThat(page.locator(".device-tabs [aria-current=page]")).hasText("Email Notifications");
            Locator first = page.locator("li.notification").first();
            assertThat(page.locator("li.notification")).hasCount(1);
            assertThat(first).containsText(OWNER);
            assertThat(first).containsText("Warning, Critical");
            assertThat(page.locator("[data-plan-notice]")).hasCount(0);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create Notification")).click();
            assertThat(page).hasURL(portal.base + "/devices/notifications/edit?productId=" + RACK);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create Notification")))
                    .isVisible();
            // A mistyped address: the form comes back with the message at Recipients, and everything as typed.
            page.getByLabel("Recipients").fill("ops@example.org\nduty-at-example.org");
            page.getByLabel("Critical").uncheck();
            page.getByLabel("On battery").check();
            page.getByLabel("Overload", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Settings")).click();
            assertThat(page.locator("#recipients-error")).hasText("duty-at-example.org: You have entered an invalid "
                    + "email address. Please re-enter the email address.");
            assertThat(page.getByLabel("Recipients")).hasValue("ops@example.org\nduty-at-example.org");
            assertThat(page.getByLabel("Recipients")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("On battery")).isChecked();
            assertThat(page.getByLabel("Overload", new Page.GetByLabelOptions().setExact(true))).isChecked();
            assertThat(page.getByLabel("Warning")).isChecked();
            assertThat(page.getByLabel("Critical")).not().isChecked();
            browser.checkAndShoot(page, "notifications-edit-error");

            // The address put right, but an event type written as words: refused at the event types.
            page.getByLabel("Recipients").fill("ops@example.org\nduty@example.org");
            page.getByLabel("Other event types").fill("BYPASS_ON, fan failure");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Settings")).click();
            assertThat(page.locator("#eventTypes-error")).containsText("like ON_BATTERY");
            assertThat(page.locator("#recipients-error")).hasCount(0);
            assertThat(page.getByLabel("Other event types")).hasValue("BYPASS_ON, fan failure");
            assertThat(page.getByLabel("Recipients")).hasValue("ops@example.org\nduty@example.org");
            assertThat(page.getByLabel("On battery")).isChecked();
            assertThat(settings(OWNER, RACK).getJsonArray("notifications")).as("nothing saved yet").hasSize(1);
            page.getByLabel("Other event types").fill("BYPASS_ON");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Settings")).click();

            assertThat(page).hasURL(portal.base + "/devices/notifications?productId=" + RACK + "&notice=created");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The notification is created.");
            Locator created = page.locator("li.notification").nth(1);
            assertThat(created.getByRole(AriaRole.HEADING)).hasText("Notification 2");
            assertThat(created).containsText("ops@example.org");
            assertThat(created).containsText("duty@example.org");
            assertThat(created).containsText("On battery, Overload, BYPASS_ON");
            JsonObject saved = settings(OWNER, RACK).getJsonArray("notifications").getJsonObject(1);
            assertThat(saved.getJsonArray("recipients")).containsExactly("ops@example.org", "duty@example.org");
            assertThat(saved.getJsonArray("severities")).containsExactly("WARNING");
            assertThat(saved.getJsonArray("eventTypes")).containsExactlyInAnyOrder("ON_BATTERY", "OVERLOAD", "BYPASS_ON");

            // Edit: the form holds the notification as saved; Save Settings keeps the change.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Notification 2")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit Notification")))
                    .isVisible();
            assertThat(page.getByLabel("Recipients")).hasValue("ops@example.org\nduty@example.org");
            assertThat(page.getByLabel("Other event types")).hasValue("BYPASS_ON");
            assertThat(page.getByLabel("Warning")).isChecked();
            page.getByLabel("Recipients").fill("duty@example.org");
            page.getByLabel("Warning").uncheck();
            page.getByLabel("Battery low").check();
            page.getByLabel("Send email notifications").uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Settings")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your settings are saved.");
            Locator edited = page.locator("li.notification").nth(1);
            assertThat(edited).not().containsText("ops@example.org");
            assertThat(edited).containsText("On battery, Battery low, Overload, BYPASS_ON");
            assertThat(edited).containsText("Off: nothing is emailed");
            JsonObject after = settings(OWNER, RACK).getJsonArray("notifications").getJsonObject(1);
            assertThat(after.getJsonArray("recipients")).containsExactly("duty@example.org");
            assertThat(after.getJsonArray("severities")).isEmpty();
            assertThat(after.getBoolean("email")).isFalse();
            browser.checkAndShoot(page, "notifications");

            // Delete the first one: a question first, Cancel changes nothing, Delete deletes it.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Notification 1")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Delete this notification?"))).isVisible();
            assertThat(page.locator("main")).containsText(OWNER);
            browser.checkAndShoot(page, "notifications-delete");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page.locator("li.notification")).hasCount(2);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete Notification 1")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The notification is deleted.");
            assertThat(page.locator("li.notification")).hasCount(1);
            assertThat(page.locator("li.notification")).containsText("duty@example.org");
            JsonArray left = settings(OWNER, RACK).getJsonArray("notifications");
            assertThat(left).hasSize(1);
            assertThat(left.getJsonObject(0).getJsonArray("recipients")).containsExactly("duty@example.org");
        }
    }

    @Test
    void aFloodOfEventsDisablesTheNotificationsUntilTheOwnerEnablesThemAndTheUnsubscribeLinkLeadsHere()
            throws Exception {
        portal.client.signUpAndVerify(portal.server, FLOODED_OWNER);
        MqttClient device = portal.upses.connect(FLOODED, true, "OL");
        portal.upses.awaitBirth(FLOODED);
        portal.register(portal.bearer(FLOODED_OWNER), FLOODED);
        name(portal.bearer(FLOODED_OWNER), FLOODED, "Rack 7");
        plan(FLOODED, "STANDARD", Optional.of("2028-12-31"));
        // Over 6 notifications within 30 minutes: the 7th disables them for 7 days.
        for (int i = 0; i < 8; i++) {
            event(device, FLOODED, "ON_BATTERY");
        }
        SimulatedUpses.eventually(() -> disabledUntil(FLOODED_OWNER, FLOODED).isPresent());
        Instant until = disabledUntil(FLOODED_OWNER, FLOODED).orElseThrow();
        String untilText = UNTIL.format(until.atZone(ZoneId.of("Europe/Paris"))) + " (Europe/Paris)";

        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, FLOODED_OWNER);
            page.navigate(portal.base + "/devices/notifications?productId=" + FLOODED);
            Locator disabled = page.locator("[data-disabled]");
            assertThat(disabled.getByRole(AriaRole.HEADING)).hasText("Event Notifications are disabled");
            assertThat(disabled).containsText("over 6 notifications within a 30 minute period");
            assertThat(disabled).containsText("disabled until " + untilText);
            browser.checkAndShoot(page, "notifications-disabled");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable Notifications")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                    "Event Notifications are enabled again: they are emailed from the next event.");
            assertThat(page.locator("[data-disabled]")).hasCount(0);
            assertThat(disabledUntil(FLOODED_OWNER, FLOODED)).isEmpty();
        }

        // The unsubscribe link of one of the mails: its confirmation leads here, through the login.
        String unsubscribe = unsubscribeLink(FLOODED_OWNER);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + unsubscribe);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("You are no longer subscribed to email notifications."))).isVisible();
            browser.assertAccessible(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName("Manage the notifications of Rack 7 under Email Notifications")).click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            PortalBrowser.logIn(page, FLOODED_OWNER);
            assertThat(page).hasURL(portal.base + "/devices/notifications?productId=" + FLOODED);
            assertThat(page.locator("li.notification")).containsText("None: nobody receives these emails");
        }
    }

    @Test
    void aBasicPlanUpsSaysThatNothingIsSentAndACoworkerReadsOnly() throws Exception {
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, OWNER);
            page.navigate(portal.base + "/devices/notifications?productId=" + BASIC);
            Locator notice = page.locator("[data-plan-notice]");
            assertThat(notice).containsText("This UPS is on Basic Monitoring: no Event Notification is emailed.");
            assertThat(notice).containsText("If you have configured your notification preference but you are not "
                    + "receiving notifications from SmartConnect, firstly check that your device is on a Standard or "
                    + "Advanced plan, and then contact SmartConnect Customer Support.");
            // The settings are kept and may be changed all the same.
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create Notification")))
                    .isVisible();
            browser.checkAndShoot(page, "notifications-basic");
        }

        String coworker = invitedCoworker();
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            PortalBrowser.logIn(page, coworker);
            page.navigate(portal.base + "/devices/notifications?productId=" + RACK);
            assertThat(page.locator("[data-read-only]")).containsText(
                    "Only the account owner who has registered the UPS can manage notification options.");
            assertThat(page.locator("li.notification").first()).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create Notification")))
                    .hasCount(0);
            assertThat(page.locator("li.notification").first().getByRole(AriaRole.LINK)).hasCount(0);
            assertThat(page.locator(".device-tabs")).not().containsText("UPS Profile");
            browser.checkAndShoot(page, "notifications-coworker");
            page.navigate(portal.base + "/devices/notifications/edit?productId=" + RACK);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Only the owner can change this UPS"))).isVisible();
            // Posts made by hand, with the page's own token, are refused as well.
            String csrf = page.locator("input[name=csrf]").first().inputValue();
            for (String path : List.of("/devices/notifications/edit", "/devices/notifications/delete",
                    "/devices/notifications/enable")) {
                PortalBrowser.Answer refused = PortalBrowser.postFromPage(page, path, "csrf=" + csrf
                        + "&productId=" + RACK + "&recipients=mallory%40example.org");
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.body()).contains("Only the owner can change this UPS");
            }
        }
    }

    /** A co-worker of {@link #OWNER}'s company, invited and signed up through the API. */
    private String invitedCoworker() throws Exception {
        portal.joinAsCoworker(portal.bearer(OWNER), COWORKER);
        return COWORKER;
    }

    /** The path of the unsubscribe link in the first notification mail to {@code email}; waits for one. */
    private String unsubscribeLink(String email) throws Exception {
        for (int i = 0; i < 1000; i++) {
            for (MimeMessage mail : portal.smtp.getReceivedMessages()) {
                if (!java.util.Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equals(email))) {
                    continue;
                }
                Matcher link = UNSUBSCRIBE.matcher(PortalClient.text(mail));
                if (link.find()) {
                    return link.group(1);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no notification mail with an unsubscribe link to " + email);
    }

    private void event(MqttClient device, String productId, String type) throws Exception {
        SimulatedUpses.publish(device, productId, "events", new JsonObject()
                .put("eventId", "e-" + eventIds.incrementAndGet()).put("type", type)
                .put("occurredAt", Instant.now().toString()).encode());
    }

    private void plan(String productId, String plan, Optional<String> endsOn) {
        assertThat(portal.server.plans().change().change(new ChangePlanCommand(productId, plan, endsOn, "store")))
                .isInstanceOf(ChangePlanResult.Changed.class);
    }

    private JsonObject settings(String email, String productId) throws Exception {
        HttpResponse<String> read = portal.get("/api/v1/devices/" + productId + "/notifications",
                "Authorization", portal.bearer(email));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return new JsonObject(read.body());
    }

    private Optional<Instant> disabledUntil(String email, String productId) {
        try {
            return Optional.ofNullable(settings(email, productId).getString("disabledUntil")).map(Instant::parse);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void name(String bearer, String productId, String name) throws Exception {
        HttpResponse<String> named = portal.sendJson("PATCH", "/api/v1/devices/" + productId,
                "{\"name\": \"" + name + "\", \"timeZone\": \"Europe/Paris\"}", "Authorization", bearer);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
    }

}
