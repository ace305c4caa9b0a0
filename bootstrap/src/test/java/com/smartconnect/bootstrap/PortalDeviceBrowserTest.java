package com.smartconnect.bootstrap;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device pages in a real browser against a running SmartConnect, with simulated UPSes on MQTT (Paho, as the
 * devices' end-to-end tests): registering a UPS by its Product Codes (a mistake first, then too early), by opening its
 * QR code's URL while logged out, by the camera (Chromium plays a Y4M video of the label's QR code as its camera), by a
 * photo of the label; the profile and sensitivity steps (the device receives the command), the Reseller step, each
 * refusal of the registration, My devices with attention first and pages, and the pages over plain HTTP from another
 * host. axe-core checks each page; screenshots at phone and desktop width go to {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.smartconnect.bootstrap.PortalBrowser#chromiumInstalled", disabledReason = PortalBrowser.NO_CHROMIUM)
class PortalDeviceBrowserTest {

    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String KEY = SimulatedUpses.KEY;
    private static final String CODES_UPS = "AS2104123456";
    private static final String QR_URL_UPS = "AS2104123457";
    private static final String CAMERA_UPS = "AS2104123458";
    private static final String PHOTO_UPS = "AS2104123459";
    private static final String DISABLED_UPS = "AS2104123460";
    private static final String PLAIN_HTTP_UPS = "AS2104123461";
    /** A fleet for the pages of My devices: more than two pages of {@link #FLEET_PAGE}. */
    private static final int FLEET = 45;
    private static final int FLEET_PAGE = 20;
    private static final String PHONE_HOST = "phone.example";

    private PortalBrowser browser;
    private PortalServer portal;
    private PortalBrowser cameraBrowser;
    private Path video;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path videoDir) throws Exception {
        browser = PortalBrowser.launch();
        video = labelVideo(videoDir.resolve("label.y4m"),
                "https://portal.example.com/devices/register?productId=" + CAMERA_UPS + "&productKey=" + KEY);
        // The fake camera plays the video; the fake prompt allows it. The phone's name leads to this machine, so
        // that a page can be opened over plain HTTP from "another host".
        cameraBrowser = PortalBrowser.launch(List.of("--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + video,
                "--host-resolver-rules=MAP " + PHONE_HOST + " 127.0.0.1"));
        portal = PortalServer.start(dataDir);
        List<String> all = new ArrayList<>(List.of(CODES_UPS, QR_URL_UPS, CAMERA_UPS, PHOTO_UPS, DISABLED_UPS,
                PLAIN_HTTP_UPS));
        for (int i = 0; i < FLEET; i++) {
            all.add(fleetId(i));
        }
        portal.upses.importCatalog(all);
    }

    @AfterAll
    void stop() throws Exception {
        PortalServer.closeAll(portal, cameraBrowser, browser);
    }

    @Test
    void registerByProductCodesWithAMistakeFirstThenProfileSensitivityAndReseller() throws Exception {
        String email = "ada.lovelace@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, email);
            assertThat(page).hasURL(portal.base + "/");
            assertThat(page.getByText("No devices yet")).isVisible();
            browser.checkAndShoot(page, "devices-empty");
            page.locator(".devices-head").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add Device"))
                    .click();
            assertThat(page).hasURL(portal.base + "/devices/add");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("QR Code Scan"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Product Codes")))
                    .isVisible();
            browser.checkAndShoot(page, "add-device");

            // This browser has no camera to give: the seed's note, and the other ways.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan QR Code")).click();
            assertThat(page.locator("[data-camera-refused]")).isVisible();
            assertThat(page.locator("[data-camera-refused]")).containsText("Knowledge Base article FA408179");
            browser.checkAndShoot(page, "add-device-camera-blocked");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
            assertThat(page.locator("[data-camera-refused]")).isHidden();

            Locator codes = page.locator("#codes");
            codes.getByLabel("Product ID").fill("AS21-0412");
            codes.getByLabel("Product Key").fill("7KQ2 M9X4 B1C8 DZ");
            codes.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register UPS")).click();
            assertThat(page).hasURL(portal.base + "/devices/register");
            assertThat(page.locator("#productId-error")).hasText(
                    "The Product ID must be 12 letters and digits, as printed on the UPS label.");
            assertThat(page.getByLabel("Product Key")).hasValue("7KQ2 M9X4 B1C8 DZ");
            browser.checkAndShoot(page, "register-errors");

            // Right, as typed with dashes and spaces; but the UPS has not connected yet.
            page.getByLabel("Product ID").fill("as21-0412 3456");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register UPS")).click();
            assertThat(page.locator("[data-refusal=neverConnected]")).containsText(
                    "Please allow 4-5 minutes after you connect your SmartConnect-compatible UPS");
            browser.checkAndShoot(page, "register-never-connected");

            portal.upses.connect(CODES_UPS, true, "OB", "DISCHRG");
            portal.upses.awaitBirth(CODES_UPS);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register UPS")).click();
            assertThat(page).hasURL(Pattern.compile(".*/devices/profile\\?productId=" + CODES_UPS + "&setup=1.*"));
            assertThat(page.getByText("Step 1 of 3")).isVisible();
            browser.checkAndShoot(page, "device-profile");
            page.getByLabel("UPS Name").fill("Rack 4");
            page.getByLabel("UPS Description").fill("Server room, second floor");
            page.getByLabel("Timezone").fill("Europe/Nowhere");
            page.getByLabel("Notifications").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Profile")).click();
            assertThat(page.locator("#timeZone-error")).isVisible();
            assertThat(page.getByLabel("UPS Name")).hasValue("Rack 4");
            page.getByLabel("Timezone").fill("Europe/Paris");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Profile")).click();

            assertThat(page).hasURL(Pattern.compile(".*/devices/sensitivity\\?productId=" + CODES_UPS + "&setup=1.*"));
            assertThat(page.getByLabel("Normal")).isChecked();
            browser.checkAndShoot(page, "device-sensitivity");
            page.getByLabel("Low").check();
            int before = portal.upses.commands().size();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your UPS is ready")))
                    .isVisible();
            SimulatedUpses.eventually(() -> portal.upses.commands().size() > before);
            JsonObject command = portal.upses.commands().get(portal.upses.commands().size() - 1);
            assertThat(command.getString("type")).isEqualTo("SET_SENSITIVITY");
            assertThat(command.getString("sensitivity")).isEqualTo("LOW");
            browser.checkAndShoot(page, "device-finish");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finish")).click();
            assertThat(page).hasURL(portal.base + "/devices/reseller-offer");
            browser.checkAndShoot(page, "reseller-offer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send Invite")).click();
            assertThat(page.locator("#email-error")).isVisible();
            page.getByLabel("Not interested?").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skip")).click();
            assertThat(page).hasURL(portal.base + "/?notice=added");
            Locator card = page.locator("li.device[data-product-id=" + CODES_UPS + "]");
            assertThat(card.getByRole(AriaRole.HEADING)).hasText("Rack 4");
            assertThat(card).containsText("On battery");
            assertThat(card).containsText("95 %");
            assertThat(card).containsText("Free monitoring period");
            assertThat(card).containsText("Online");
            browser.checkAndShoot(page, "devices-one");
        }
        // Not interested: the next device skips the Reseller step.
        String bearer = portal.bearer(email);
        assertThat(new JsonObject(portal.get("/api/v1/reseller", "Authorization", bearer).body())
                .getBoolean("notInterested")).isTrue();
    }

    @Test
    void theQrCodesUrlOpenedWhileLoggedOutComesBackPreFilledAfterTheLogin() throws Exception {
        String email = "grace.hopper@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        portal.upses.connect(QR_URL_UPS, true, "OL", "CHRG");
        portal.upses.awaitBirth(QR_URL_UPS);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/devices/register?productId=" + QR_URL_UPS + "&productKey=" + KEY);
            assertThat(page).hasURL(Pattern.compile(".*/login\\?next=.*"));
            assertThat(page.getByText("Please log in, or sign up, to register your UPS.")).isVisible();
            browser.checkAndShoot(page, "login-register-device");
            // Signing up leads through other pages; the login page still knows where to go back to.
            page.navigate(portal.base + "/login");
            assertThat(page.locator("input[name=next]"))
                    .hasValue("/devices/register?productId=" + QR_URL_UPS + "&productKey=" + KEY);
            PortalBrowser.logIn(page, email);
            assertThat(page).hasURL(portal.base + "/devices/register?productId=" + QR_URL_UPS + "&productKey=" + KEY);
            assertThat(page.getByLabel("Product ID")).hasValue(QR_URL_UPS);
            assertThat(page.getByLabel("Product Key")).hasValue(KEY);
            browser.checkAndShoot(page, "register-ups");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register UPS")).click();
            assertThat(page).hasURL(Pattern.compile(".*/devices/profile\\?productId=" + QR_URL_UPS + "&setup=1.*"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save Profile")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finish")).click();
            assertThat(page).hasURL(Pattern.compile(".*/(devices/reseller-offer|\\?notice=added)"));
            page.navigate(portal.base + "/login");
            assertThat(page).hasURL(portal.base + "/");
            assertThat(page.locator("li.device[data-product-id=" + QR_URL_UPS + "]")).containsText("On line");
        }
    }

    @Test
    void scanningTheLabelWithTheCameraLeadsToRegisterUps() throws Exception {
        String email = "alan.turing@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        portal.upses.connect(CAMERA_UPS, true, "OL");
        portal.upses.awaitBirth(CAMERA_UPS);
        try (BrowserContext context = cameraBrowser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/devices/add");
            PortalBrowser.logIn(page, email);
            assertThat(page).hasURL(portal.base + "/devices/add");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan QR Code")).click();
            // The video of the label plays as the camera; a frame of it reads as the label's code.
            page.waitForURL(Pattern.compile(".*/devices/register\\?productId=" + CAMERA_UPS + "&productKey=" + KEY));
            assertThat(page.getByLabel("Product ID")).hasValue(CAMERA_UPS);
            assertThat(page.getByLabel("Product Key")).hasValue(KEY);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register UPS")).click();
            assertThat(page).hasURL(Pattern.compile(".*/devices/profile\\?productId=" + CAMERA_UPS + "&setup=1.*"));

            // The camera chooser and the video, caught before a frame is read: a QR code that is not a label's.
            page.navigate(portal.base + "/devices/add");
            page.route("**/devices/scan", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                    .setStatus(200).setContentType("application/json")
                    .setBody("{\"found\":true,\"message\":\"This QR code is not the code of a SmartConnect UPS label. "
                            + "Please scan the QR code on the UPS label.\"}")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan QR Code")).click();
            assertThat(page.getByLabel("Camera", new Page.GetByLabelOptions().setExact(true))).isVisible();
            assertThat(page.locator("[data-viewfinder]")).isVisible();
            assertThat(page.locator("[data-scan-status]")).containsText("not the code of a SmartConnect UPS label");
            page.waitForFunction("() => document.querySelector('[data-viewfinder]').currentTime > 0.2");
            cameraBrowser.checkAndShoot(page, "add-device-scanning");
            page.unrouteAll();
        }
        // The frame endpoint reads a JPEG of the label: its answer is the Register UPS page of the codes.
        HttpResponse<String> refused = portal.send("POST", "/devices/scan");
        assertThat(refused.statusCode()).as("no session: nothing read").isEqualTo(401);
    }

    @Test
    void aPhotoOfTheLabelLeadsToRegisterUps() throws Exception {
        String email = "mary.somerville@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        portal.upses.connect(PHOTO_UPS, true, "OL");
        portal.upses.awaitBirth(PHOTO_UPS);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/devices/add");
            PortalBrowser.logIn(page, email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
            assertThat(page.locator("#photo-error")).hasText("Please choose a photo of the UPS label.");
            page.getByLabel("Photo of the UPS label").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "label.png", "image/png", qrPng("https://portal.example.com/devices/register?productKey=" + KEY
                            + "&productId=" + PHOTO_UPS, 400)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
            assertThat(page).hasURL(portal.base + "/devices/register?productId=" + PHOTO_UPS + "&productKey=" + KEY);
            page.navigate(portal.base + "/devices/add");
            page.getByLabel("Photo of the UPS label").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "other.png", "image/png", qrPng("https://example.org/not-a-label", 400)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
            assertThat(page.locator("#photo-error")).containsText("No QR code of a UPS label could be read");
            browser.checkAndShoot(page, "add-device-photo-unreadable");
        }
    }

    @Test
    void eachRefusalOfTheRegistrationSaysWhatToDo() throws Exception {
        String owner = "charles.babbage@example.org";
        String other = "ada.byron@example.org";
        portal.client.signUpAndVerify(portal.server, owner);
        portal.client.signUpAndVerify(portal.server, other);
        String taken = fleetId(FLEET - 1);
        portal.upses.connect(taken, true, "OL");
        portal.upses.connect(DISABLED_UPS, false, "OL");
        portal.upses.awaitBirth(taken);
        portal.upses.awaitBirth(DISABLED_UPS);
        portal.register(portal.bearer(owner), taken);
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/devices/register");
            PortalBrowser.logIn(page, other);
            assertThat(page).hasURL(portal.base + "/devices/register");
            submitCodes(page, taken, KEY);
            assertThat(page.locator("[data-refusal=anotherAccount]"))
                    .containsText("This UPS is registered to another account");
            browser.checkAndShoot(page, "register-another-account");
            submitCodes(page, DISABLED_UPS, KEY);
            assertThat(page.locator("[data-refusal=notEnabled]")).containsText("select Enable");
            browser.checkAndShoot(page, "register-not-enabled");
            for (int i = 0; i < 5; i++) {
                submitCodes(page, "ZZ9999999999", "ZZZZZZZZZZZZZZ");
                assertThat(page.locator("[data-refusal=notRecognised]"))
                        .containsText("We do not recognise this Product ID and Product Key");
            }
            browser.checkAndShoot(page, "register-not-recognised");
            submitCodes(page, "ZZ9999999999", "ZZZZZZZZZZZZZZ");
            assertThat(page.locator("[data-refusal=throttled]")).containsText("Please wait");
            browser.checkAndShoot(page, "register-too-many");
        }
    }

    @Test
    void myDevicesPutsAttentionFirstAndPagesAFleet() throws Exception {
        String email = "fleet.manager@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        String bearer = portal.bearer(email);
        for (int i = 0; i < FLEET - 1; i++) {
            // Every tenth UPS on battery; the rest on line.
            MqttClient device = i % 10 == 7 ? portal.upses.connect(fleetId(i), true, "OB", "DISCHRG")
                    : portal.upses.connect(fleetId(i), true, "OL");
            device.disconnect();
        }
        for (int i = 0; i < FLEET - 1; i++) {
            portal.upses.awaitBirth(fleetId(i));
            portal.register(bearer, fleetId(i));
        }
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, email);
            Locator cards = page.locator("li.device");
            assertThat(cards).hasCount(FLEET_PAGE);
            assertThat(page.getByText("Showing 1–20 of 44")).isVisible();
            // The UPSes on battery first.
            for (int i = 0; i < 4; i++) {
                assertThat(cards.nth(i)).containsText("Needs attention");
                assertThat(cards.nth(i)).containsText("On battery");
            }
            assertThat(cards.nth(4)).not().containsText("Needs attention");
            browser.checkAndShoot(page, "devices-fleet");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
            assertThat(page.getByText("Page 2 of 3")).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
            assertThat(cards).hasCount(FLEET - 1 - 2 * FLEET_PAGE);
            page.getByLabel("Find a UPS").fill(fleetId(17));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
            assertThat(cards).hasCount(1);
            assertThat(cards.first()).containsText(fleetId(17));
            browser.checkAndShoot(page, "devices-filtered");
        }

        // A co-worker sees the company's devices, read-only: no link to change them, and a refusal if they try.
        portal.joinAsCoworker(bearer, "fleet.colleague@example.org");
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/");
            PortalBrowser.logIn(page, "fleet.colleague@example.org");
            Locator cards = page.locator("li.device");
            assertThat(cards).hasCount(FLEET_PAGE);
            assertThat(cards.first()).containsText("Co-worker’s device (read-only)");
            // Read-only: the links to its Status page (its name) and its Event Log, and no link to change it.
            assertThat(cards.first().getByRole(AriaRole.LINK)).hasCount(2);
            assertThat(cards.first().getByRole(AriaRole.LINK).last()).containsText("Event Log");
            browser.checkAndShoot(page, "devices-coworker");
            page.navigate(portal.base + "/devices/profile?productId=" + fleetId(3));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Only the owner can change this UPS"))).isVisible();
        }
    }

    @Test
    void overPlainHttpFromAnotherHostThePagesSayWhyAndThePhotoStillWorks() throws Exception {
        String email = "phone.user@example.org";
        portal.client.signUpAndVerify(portal.server, email);
        portal.upses.connect(PLAIN_HTTP_UPS, true, "OL");
        portal.upses.awaitBirth(PLAIN_HTTP_UPS);
        String phone = "http://" + PHONE_HOST + ":" + portal.server.httpPort().getAsInt();
        try (BrowserContext context = cameraBrowser.freshContext()) {
            Page page = context.newPage();
            page.navigate(phone + "/login");
            assertThat(page.locator("[data-plain-http]")).containsText("will not keep the login cookie");
            cameraBrowser.checkAndShoot(page, "login-plain-http");
            // A browser keeps no Secure cookie from plain HTTP; the session is handed to it as a proxy would.
            String token = PortalClient.field(portal.post("/api/v1/sessions",
                    PortalClient.credentials(email, PASSWORD)).body(), "token");
            context.addCookies(List.of(new Cookie("smartconnect_session", token).setDomain(PHONE_HOST).setPath("/")));
            page.navigate(phone + "/devices/add");
            assertThat(page.locator("[data-camera-insecure]")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan QR Code"))).isHidden();
            cameraBrowser.checkAndShoot(page, "add-device-plain-http");
            page.getByLabel("Photo of the UPS label").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                    "label.png", "image/png", qrPng("https://portal.example.com/devices/register?productId="
                            + PLAIN_HTTP_UPS + "&productKey=" + KEY, 400)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
            assertThat(page).hasURL(phone + "/devices/register?productId=" + PLAIN_HTTP_UPS + "&productKey=" + KEY);
        }
        try (BrowserContext context = browser.freshContext()) {
            Page page = context.newPage();
            page.navigate(portal.base + "/login");
            assertThat(page.locator("[data-plain-http]")).hasCount(0);
        }
    }

    @Test
    void overHttpsFromAnotherHostTheLoginAndTheCameraWork(@TempDir Path httpsData) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(PHONE_HOST);
        try (SmartConnect https = SmartConnect.builder().configuration(portal.client.configuration(httpsData, Map.of(
                "SMARTCONNECT_HTTP_TLS_CERT_FILE", certificate.certificatePath(),
                "SMARTCONNECT_HTTP_TLS_KEY_FILE", certificate.privateKeyPath()))).start();
                BrowserContext context = cameraBrowser.browserContext(new com.microsoft.playwright.Browser
                        .NewContextOptions().setIgnoreHTTPSErrors(true).setViewportSize(PortalBrowser.PHONE_WIDTH, 844))) {
            String email = "on.the.phone@example.org";
            String phone = "https://" + PHONE_HOST + ":" + https.httpPort().getAsInt();
            // The API calls go out of Playwright's driver, which knows nothing of the browser's host rules.
            String api = "https://127.0.0.1:" + https.httpPort().getAsInt();
            int mails = portal.client.mailsReceived();
            com.microsoft.playwright.APIResponse signUp = context.request().post(api + "/api/v1/registrations",
                    com.microsoft.playwright.options.RequestOptions.create()
                            .setHeader("Content-Type", "application/json").setData(PortalClient.signUpBody(email)));
            assertThat(signUp.status()).as(signUp.text()).isEqualTo(202);
            String code = PortalClient.mailedCode(portal.client.awaitMail(mails + 1));
            assertThat(context.request().post(api + "/api/v1/registrations/"
                    + PortalClient.field(signUp.text(), "registrationId") + "/verification",
                    com.microsoft.playwright.options.RequestOptions.create().setHeader("Content-Type", "application/json")
                            .setData("{\"code\":\"" + code + "\"}")).status()).isEqualTo(200);
            Page page = context.newPage();
            page.navigate(phone + "/devices/add");
            assertThat(page.locator("[data-plain-http]")).hasCount(0);
            PortalBrowser.logIn(page, email);
            // The Secure session cookie is kept, and the page is a secure context: the scanner may ask for the camera.
            assertThat(page).hasURL(phone + "/devices/add");
            assertThat(page.locator("[data-camera-insecure]")).isHidden();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Scan QR Code")).click();
            page.waitForURL(Pattern.compile(".*/devices/register\\?productId=" + CAMERA_UPS + "&productKey=" + KEY));
        } finally {
            certificate.delete();
        }
    }

    private void submitCodes(Page page, String productId, String productKey) {
        page.getByLabel("Product ID").fill(productId);
        page.getByLabel("Product Key").fill(productKey);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register UPS")).click();
    }

    private static String fleetId(int n) {
        return String.format("FL%010d", n);
    }

    /** The QR code of a label, as a PNG of {@code size} pixels (ZXing's writer). */
    private static byte[] qrPng(String text, int size) throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A 640x480 Y4M video (4:2:0, a few identical frames, which Chromium loops) of the label's QR code on a grey
     * background, for Chromium's fake camera.
     */
    static Path labelVideo(Path file, String text) throws Exception {
        int width = 640;
        int height = 480;
        BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360);
        byte[] luma = new byte[width * height];
        int left = (width - matrix.getWidth()) / 2;
        int top = (height - matrix.getHeight()) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = x - left;
                int my = y - top;
                boolean inside = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight();
                luma[y * width + x] = (byte) (inside ? (matrix.get(mx, my) ? 16 : 235) : 150);
            }
        }
        byte[] chroma = new byte[width * height / 4];
        java.util.Arrays.fill(chroma, (byte) 128);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 10; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }

}
