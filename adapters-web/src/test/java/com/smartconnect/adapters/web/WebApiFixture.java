package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.smartconnect.application.account.AccountMails;
import com.smartconnect.application.account.ChangePasswordService;
import com.smartconnect.application.account.DeleteAccountService;
import com.smartconnect.application.account.EmailChangeService;
import com.smartconnect.application.account.ProfileService;
import com.smartconnect.application.account.SettledMailsOfAccount;
import com.smartconnect.application.account.invitation.CoworkerInvitationService;
import com.smartconnect.application.account.invitation.CoworkerInvitationsOfAccount;
import com.smartconnect.application.account.registration.RegistrationStatusService;
import com.smartconnect.application.account.registration.RegistrationsOfAccount;
import com.smartconnect.application.account.registration.ResendCodeService;
import com.smartconnect.application.account.registration.SignUpMails;
import com.smartconnect.application.account.registration.SignUpService;
import com.smartconnect.application.account.registration.VerifyRegistrationService;
import com.smartconnect.application.account.session.CompleteLogInService;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.LogOutService;
import com.smartconnect.application.account.session.LoginAttempts;
import com.smartconnect.application.account.session.LoginFailuresOfAccount;
import com.smartconnect.application.account.session.PasswordResetService;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.SessionsOfAccount;
import com.smartconnect.application.account.twofactor.DisableTwoFactorService;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.account.twofactor.SendTwoFactorCodeService;
import com.smartconnect.application.account.twofactor.TwoFactorCheckService;
import com.smartconnect.application.account.twofactor.TwoFactorEnrolmentService;
import com.smartconnect.application.account.twofactor.TwoFactorOfAccount;
import com.smartconnect.application.common.port.out.ReadinessProbe;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.application.device.DeviceCommandService;
import com.smartconnect.application.device.DeviceProfileService;
import com.smartconnect.application.device.DeviceRegistrationService;
import com.smartconnect.application.device.RegisteredDevicesService;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccountDeletions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryCompanies;
import com.smartconnect.application.fake.InMemoryCoworkerInvitations;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceCommandOutbox;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryEmailChanges;
import com.smartconnect.application.fake.InMemoryEventNotifications;
import com.smartconnect.application.fake.InMemoryLoginChallenges;
import com.smartconnect.application.fake.InMemoryLoginFailures;
import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.mail.MailDeliveryService;
import com.smartconnect.application.fake.InMemoryMailedCodes;
import com.smartconnect.application.fake.InMemoryPasswordResets;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.InMemoryRegistrations;
import com.smartconnect.application.fake.InMemoryResellerConnections;
import com.smartconnect.application.fake.InMemoryResellerPreferences;
import com.smartconnect.application.fake.InMemorySessions;
import com.smartconnect.application.fake.InMemoryTwoFactor;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.PlainTextPasswordHasher;
import com.smartconnect.application.fake.ReversibleSecretSealer;
import com.smartconnect.application.fake.RfcTotp;
import com.smartconnect.application.fake.ScriptedCaptcha;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.notification.NotificationRecipients;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.reseller.ResellerConnectionsOfAccount;
import com.smartconnect.application.reseller.ResellerLinkService;
import com.smartconnect.application.reseller.ResellerMails;
import com.smartconnect.application.reseller.ResellerService;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionPolicy;
import com.smartconnect.domain.twofactor.Totp;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** The HTTP API on a free port, over the real services and in-memory ports, with a client that checks every answer. */
final class WebApiFixture implements AutoCloseable {

    /** The integration keys the API is started with, by integration name (unless a test gives its own). */
    static final String STORE = "store";
    static final String STORE_KEY = "store-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e";
    static final String RESELLER_SYSTEM = "reseller-system";
    static final String RESELLER_SYSTEM_KEY = "rsys-0b8e6d4c2a9f7e5d3c1b0a8f6e4d2c9b";
    static final Map<String, String> INTEGRATION_KEYS = Map.of(STORE, STORE_KEY, RESELLER_SYSTEM, RESELLER_SYSTEM_KEY);
    static final String FORM_COOKIE = "smartconnect_form";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    /** The browser's form cookie and the token of its forms, once a page gave them. */
    private volatile String formCookie;
    private volatile String formCsrf;
    final PlainTextPasswordHasher hasher = new PlainTextPasswordHasher();
    final InMemoryRegistrations registrations = new InMemoryRegistrations();
    final InMemoryAccounts accounts = new InMemoryAccounts();
    final InMemoryCompanies companies = new InMemoryCompanies();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final MailDeliveryService requestPreparation;
    final InMemorySessions sessions = new InMemorySessions();
    final InMemoryLoginFailures loginFailures = new InMemoryLoginFailures();
    final InMemoryPasswordResets passwordResets = new InMemoryPasswordResets();
    final InMemoryAccountDeletions deletions = new InMemoryAccountDeletions();
    final InMemoryCoworkerInvitations invitations = new InMemoryCoworkerInvitations();
    final InMemoryEmailChanges pendingEmailChanges = new InMemoryEmailChanges();
    final InMemoryTwoFactor twoFactor = new InMemoryTwoFactor();
    final InMemoryMailedCodes mailedCodes = new InMemoryMailedCodes();
    final InMemoryLoginChallenges loginChallenges = new InMemoryLoginChallenges();
    final InMemoryResellerConnections resellerConnections = new InMemoryResellerConnections();
    final InMemoryResellerPreferences resellerPreferences = new InMemoryResellerPreferences();
    final InMemoryPlans plans = new InMemoryPlans();
    final PlanService planService;
    final InMemoryDeviceCatalog deviceCatalog = new InMemoryDeviceCatalog();
    final InMemoryDeviceStates deviceStates = new InMemoryDeviceStates();
    final InMemoryDeviceEvents deviceEvents = new InMemoryDeviceEvents();
    final com.smartconnect.application.fake.InMemoryStatusHistory statusHistory =
            new com.smartconnect.application.fake.InMemoryStatusHistory();
    final InMemoryDeviceRegistrations deviceRegistrations = new InMemoryDeviceRegistrations();
    final InMemoryEventNotifications eventNotifications = new InMemoryEventNotifications();
    final com.smartconnect.application.fake.InMemoryLifecycleReminders lifecycleReminders =
            new com.smartconnect.application.fake.InMemoryLifecycleReminders();
    final InMemoryDeviceCommandOutbox deviceCommands = new InMemoryDeviceCommandOutbox();
    /** What an authenticator app on the person's phone computes. */
    final RfcTotp totp = new RfcTotp();
    /** Random, unless a test scripts the next codes with {@link ScriptedRandomSource#willDraw}. */
    final ScriptedRandomSource random = new ScriptedRandomSource();
    /** The notification use cases, in memory; who sees and owns a device comes from the real device services. */
    final FakeNotifications notifications;
    final Vertx vertx;
    final HttpApi api;
    final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private WebApiFixture(VertxOptions options, UnaryOperator<HttpApi.UseCases> customise, List<ReadinessProbe> probes,
            Map<String, String> integrationKeys) throws Exception {
        this(options, customise, probes, integrationKeys, WebSettings.Limits.DEFAULT);
    }

    private WebApiFixture(VertxOptions options, UnaryOperator<HttpApi.UseCases> customise, List<ReadinessProbe> probes,
            Map<String, String> integrationKeys, WebSettings.Limits limits) throws Exception {
        SignUpMails mails = new SignUpMails(random);
        DirectTransactions transactions = new DirectTransactions();
        AccountMails accountMails = new AccountMails(random);
        PasswordResetService passwordReset = new PasswordResetService(clock, random, hasher, new ScriptedCaptcha(),
                transactions, accounts, passwordResets, sessions, outbox, accountMails, loginChallenges);
        // Delivery's preparation of the requests for mails; the mails themselves stay in the outbox, unsent.
        requestPreparation = new MailDeliveryService(outbox.requestsOnly(), outbox, mail -> {
            throw new AssertionError("only requests are claimed, and they are prepared, not sent: " + mail.template());
        }, transactions, Set.of(passwordReset), clock);
        CoworkerInvitationService coworkerInvitations = new CoworkerInvitationService(clock, random, transactions,
                accounts, companies, invitations, outbox);
        ProfileService profiles = new ProfileService(transactions, accounts, companies);
        EmailChangeService emailChanges = new EmailChangeService(clock, random, hasher, transactions, accounts,
                pendingEmailChanges, loginFailures, outbox,
                Set.of(new NotificationRecipients(deviceRegistrations, eventNotifications, random)));
        SecondFactor secondFactor = new SecondFactor(clock, random, hasher, twoFactor, mailedCodes, outbox,
                new ReversibleSecretSealer(), totp);
        LoginAttempts loginAttempts = new LoginAttempts(random, transactions, sessions, loginFailures, outbox,
                SessionPolicy.DEFAULT);
        TwoFactorEnrolmentService enrolment = new TwoFactorEnrolmentService(clock, random, hasher, transactions,
                accounts, twoFactor, sessions, loginFailures, outbox, secondFactor);
        ResellerMails resellerMails = new ResellerMails(random, accounts);
        ResellerService resellers = new ResellerService(clock, random, transactions, accounts, companies,
                resellerConnections, resellerPreferences, outbox, resellerMails);
        planService = new PlanService(clock, transactions, deviceCatalog, plans, FreePeriodPolicy.DEFAULT);
        HttpApi.UseCases useCases = new HttpApi.UseCases(
                new SignUpService(clock, random, hasher, new ScriptedCaptcha(), transactions,
                        accounts, registrations, outbox, mails, invitations),
                new VerifyRegistrationService(clock, random, hasher, transactions, registrations, accounts, companies,
                        invitations),
                new ResendCodeService(clock, random, hasher, transactions, registrations, outbox, mails),
                new RegistrationStatusService(registrations),
                new LogInService(clock, random, hasher, transactions, accounts, registrations, twoFactor,
                        loginChallenges, secondFactor, loginAttempts),
                new LogOutService(sessions),
                new SessionAuthenticationService(clock, sessions, SessionPolicy.DEFAULT),
                profiles,
                passwordReset,
                passwordReset,
                passwordReset,
                new ChangePasswordService(clock, hasher, transactions, accounts, sessions, passwordResets, outbox,
                        accountMails, loginFailures, loginChallenges),
                new DeleteAccountService(clock, random, hasher, transactions, accounts, companies, loginFailures,
                        deletions, outbox, accountMails, twoFactor, secondFactor, Set.of(new SessionsOfAccount(sessions),
                                new TwoFactorOfAccount(loginChallenges, mailedCodes, twoFactor),
                                new ResellerConnectionsOfAccount(resellerConnections),
                                new RegistrationsOfAccount(registrations), new LoginFailuresOfAccount(loginFailures),
                                new CoworkerInvitationsOfAccount(invitations), new SettledMailsOfAccount(outbox))),
                coworkerInvitations,
                coworkerInvitations,
                coworkerInvitations,
                coworkerInvitations,
                profiles,
                emailChanges,
                emailChanges,
                new CompleteLogInService(clock, transactions, accounts, twoFactor, loginChallenges, secondFactor,
                        loginAttempts),
                new SendTwoFactorCodeService(clock, transactions, accounts, twoFactor, loginChallenges, secondFactor),
                enrolment,
                enrolment,
                enrolment,
                new DisableTwoFactorService(clock, random, hasher, transactions, accounts, twoFactor, mailedCodes,
                        loginChallenges, sessions, loginFailures, outbox, secondFactor),
                resellers,
                resellers,
                resellers,
                new ResellerLinkService(clock, transactions, accounts, companies, resellerConnections, outbox,
                        resellerMails, new com.smartconnect.application.fake.PlainLinkSigner()),
                planService,
                planService);
        DeviceRegistrationService deviceRegistration = new DeviceRegistrationService(clock, transactions, accounts,
                deviceCatalog, deviceStates, deviceRegistrations, loginFailures, resellers, planService,
                new NotificationRecipients(deviceRegistrations, eventNotifications, random));
        DeviceProfileService deviceProfiles = new DeviceProfileService(transactions, accounts, deviceCatalog,
                deviceStates, deviceRegistrations, planService);
        RegisteredDevicesService registeredDevices = new RegisteredDevicesService(accounts, deviceCatalog,
                deviceStates, deviceEvents, deviceRegistrations, deviceCommands, planService);
        DeviceCommandService deviceCommandService = new DeviceCommandService(clock, random, transactions, accounts,
                deviceCatalog, deviceStates, deviceRegistrations, deviceCommands, new TwoFactorCheckService(twoFactor),
                DeviceCommandPolicy.DEFAULT, planService);
        com.smartconnect.application.lifecycle.LifecycleService lifecycle =
                new com.smartconnect.application.lifecycle.LifecycleService(clock, transactions, accounts,
                        deviceRegistrations, deviceCatalog, deviceStates, planService, resellerConnections,
                        lifecycleReminders, outbox, new com.smartconnect.application.lifecycle.LifecycleMails(random,
                                accounts, companies, new com.smartconnect.application.fake.PlainLinkSigner()));
        HttpApi.DeviceUseCases deviceUseCases = new HttpApi.DeviceUseCases(deviceRegistration, registeredDevices,
                deviceProfiles, deviceRegistration, deviceCommandService, deviceCommandService, lifecycle,
                lifecycle, new com.smartconnect.application.catalog.CatalogImportService(transactions, deviceCatalog),
                new com.smartconnect.application.device.StatusHistoryService(clock,
                        com.smartconnect.domain.device.StatusHistoryPolicy.DEFAULT, statusHistory, deviceEvents, accounts,
                        deviceCatalog, deviceStates, deviceRegistrations, planService));
        notifications = new FakeNotifications(registeredDevices);
        // Metrics as the server keeps them: WebMetrics builds the Vert.x that keeps them.
        vertx = options.getMetricsOptions() != null && options.getMetricsOptions().isEnabled()
                ? WebMetrics.vertx(options) : Vertx.vertx(options);
        api = new HttpApi(new WebSettings("127.0.0.1", 0, WebSettings.DEFAULT_MAX_BODY_BYTES, integrationKeys, limits),
                customise.apply(useCases), deviceUseCases,
                new HttpApi.NotificationUseCases(notifications, notifications), probes, clock);
        port = api.start(vertx).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    static WebApiFixture start() throws Exception {
        return startWithIntegrationKeys(INTEGRATION_KEYS);
    }

    static WebApiFixture start(VertxOptions options, UnaryOperator<HttpApi.UseCases> customise,
            List<ReadinessProbe> probes) throws Exception {
        return new WebApiFixture(options, customise, probes, INTEGRATION_KEYS);
    }

    /** With these limits instead of {@link WebSettings.Limits#DEFAULT}. */
    static WebApiFixture startWithLimits(WebSettings.Limits limits) throws Exception {
        return new WebApiFixture(new VertxOptions(), UnaryOperator.identity(), List.of(probe("database", true)),
                INTEGRATION_KEYS, limits);
    }

    /** With these integration keys instead of {@link #INTEGRATION_KEYS}; none: no integration may call. */
    static WebApiFixture startWithIntegrationKeys(Map<String, String> integrationKeys) throws Exception {
        return new WebApiFixture(new VertxOptions(), UnaryOperator.identity(), List.of(probe("database", true)),
                integrationKeys);
    }

    static ReadinessProbe probe(String name, boolean ready) {
        return new ReadinessProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isReady() {
                return ready;
            }
        };
    }

    /** A sign-up that the portal accepts; tests change one thing at a time. */
    static JsonObject validSignUp() {
        return new JsonObject()
                .put("email", "ada@example.com")
                .put("firstName", "Ada")
                .put("lastName", "Lovelace")
                .put("password", "Tr1angle!Sky")
                .put("country", "GB")
                .put("company", new JsonObject()
                        .put("name", "Analytical Engines Ltd")
                        .put("businessType", "Reseller")
                        .put("industrySegment", "Data centres")
                        .put("address", "12 St James's Square")
                        .put("city", "London")
                        .put("zipCode", "SW1Y 4JH")
                        .put("stateProvince", "Greater London")
                        .put("country", "GB"))
                .put("privacyAccepted", true)
                .put("marketingOptIn", false)
                .put("captchaToken", "token");
    }

    /** Signs up and returns the registration id. */
    String signUp(JsonObject body) {
        Answer answer = postJson("/api/v1/registrations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().getString("registrationId");
    }

    /** The code of the last mail in the outbox. */
    String lastCode() {
        return outbox.last().values().get("code");
    }

    /** A sign-up of {@code email} (otherwise {@link #validSignUp}), verified with the mailed code; returns the account id. */
    String verifiedAccount(String email, String firstName) {
        String registrationId = signUp(validSignUp().put("email", email).put("firstName", firstName));
        Answer verified = postJson("/api/v1/registrations/" + registrationId + "/verification",
                new JsonObject().put("code", lastCode()));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json().getString("accountId");
    }

    /** Puts a UPS with this Product ID in the device catalog, as the factory's catalog import does. */
    void manufactured(String productId) {
        deviceCatalog.save(CatalogEntry.manufactured(new ProductId(productId), new ProductKey("7KQ2M9X4B1C8DZ"),
                new DeviceSecret("s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t"), "SMT1500RMI2UC", productId, "APCRBC159",
                LocalDate.parse("2025-03-01"), LocalDate.parse("2028-03-01")));
    }

    /** The code an authenticator app set up with {@code base32Secret} shows now. */
    String totpNow(String base32Secret) {
        return totp.codeForBase32(base32Secret, Totp.stepAt(clock.instant()));
    }

    /**
     * Reads a QR code back from a PNG, as a phone's camera would: what text it carries. Decoded with ZXing's own
     * reader from the pixels, so a broken image or a wrong encoding fails here.
     */
    static String decodeQrCode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("a PNG image").isNotNull();
            int width = image.getWidth();
            int height = image.getHeight();
            int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
            return new QRCodeReader().decode(bitmap).getText();
        } catch (IOException | ReaderException e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }

    /** The mails of one template, in order, once mail delivery prepared the requests for mails. */
    List<OutgoingMail> mails(MailTemplate template) {
        requestPreparation.deliverDue(() -> false);
        return outbox.all().stream().filter(mail -> mail.template() == template).toList();
    }

    /** The last mail of one template. */
    OutgoingMail lastMail(MailTemplate template) {
        List<OutgoingMail> sent = mails(template);
        assertThat(sent).as("a %s mail", template).isNotEmpty();
        return sent.get(sent.size() - 1);
    }

    /** The token of the last password reset mail. */
    String lastResetToken() {
        List<OutgoingMail> resets = mails(MailTemplate.PASSWORD_RESET);
        assertThat(resets).isNotEmpty();
        return resets.get(resets.size() - 1).values().get("token");
    }

    /** Posts {@code fields} form-encoded, without a cookie: a form forged on another site, or a mail client's post. */
    Answer postForm(String path, Map<String, String> fields) {
        return send("POST", path, "application/x-www-form-urlencoded", formEncoded(fields));
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A UPS in the catalog with the label {@code productId} / {@link #PRODUCT_KEY} that has connected and sent its
     * birth (SmartConnect enabled, outlet groups MAIN, SOG1, SOG2) and a status.
     */
    void connectedDevice(String productId) {
        ProductId id = new ProductId(productId);
        deviceCatalog.save(CatalogEntry.manufactured(id, new ProductKey(PRODUCT_KEY),
                new DeviceSecret("s3cret-of-the-device-0123456789-abcdef"), "SMT1500RMI2UC", "AS" + productId,
                "APCRBC159", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1)));
        deviceStates.connected(id, clock.instant());
        deviceStates.recordBirth(id, new DeviceBirth("SMT1500RMI2UC", Optional.of("AS" + productId),
                Optional.of("UPS 15.5 / NMC 1.2"), true, Optional.of("APCRBC159"), Optional.of(LocalDate.of(2023, 3, 1)),
                List.of("MAIN", "SOG1", "SOG2"), clock.instant()));
        deviceStates.recordStatus(id, new DeviceStatus(Optional.of(1842L), clock.instant(), List.of("OL", "CHRG"),
                Optional.of(96), Optional.of(2710), Optional.of(23.5), Optional.of(229.8), Optional.of(230.0),
                Optional.of(27.5)));
        deviceStates.seen(id, clock.instant());
    }

    static final String PRODUCT_KEY = "7KQ2M9X4B1C8DZ";

    /** The URL of the QR code on the label of {@code productId}. */
    static String qrUrl(String productId) {
        return "https://smartconnect.example/devices/register?productId=" + productId + "&productKey=" + PRODUCT_KEY;
    }

    /** A PNG of the QR code holding {@code text}, as a photo of the label would show it (with a white margin). */
    static byte[] qrPng(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300);
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data POST of one file part; answers as {@link #send}. */
    Answer postPhoto(String path, byte[] photo, String mediaType, String... headers) {
        String boundary = "----smartconnect-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"label\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
            checkEveryAnswer("POST", path, answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer logIn(String email, String password) {
        return postJson("/api/v1/sessions", new JsonObject().put("email", email).put("password", password));
    }

    Answer postJson(String path, JsonObject body) {
        return send("POST", path, "application/json", body.encode());
    }

    /** A GET as a browser sends it: with the form cookie this server gave, whose token a form of the answer carries. */
    Answer get(String path) {
        Answer answer = formCookie == null ? send("GET", path, null, null)
                : send("GET", path, null, null, "Cookie", FORM_COOKIE + "=" + formCookie);
        remember(answer);
        return answer;
    }

    /**
     * Posts {@code fields} as a browser posts the form of a page: with its form cookie and the page's {@code csrf}
     * field. A browser that has opened no page with a form yet opens the link {@code path?token=...} first, as the
     * person would from the mail; when that shows no form either, the post goes without a {@code csrf} field.
     */
    Answer submitForm(String path, Map<String, String> fields) {
        if (formCsrf == null && fields.get("token") != null) {
            get(path + "?token=" + urlEncoded(fields.get("token")));
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (formCsrf != null) {
            form.putIfAbsent("csrf", formCsrf);
        }
        Answer answer = formCookie == null ? postForm(path, form)
                : send("POST", path, "application/x-www-form-urlencoded", formEncoded(form),
                        "Cookie", FORM_COOKIE + "=" + formCookie);
        remember(answer);
        return answer;
    }

    /** The {@code csrf} field of a form in {@code page}, or null. */
    static String csrfOf(Answer page) {
        Matcher csrf = CSRF.matcher(page.body());
        return csrf.find() && !csrf.group(1).isEmpty() ? csrf.group(1) : null;
    }

    private void remember(Answer answer) {
        String cookie = answer.setCookie(FORM_COOKIE);
        if (cookie != null) {
            formCookie = cookie.substring(FORM_COOKIE.length() + 1, cookie.indexOf(';'));
        }
        String csrf = csrfOf(answer);
        if (csrf != null) {
            formCsrf = csrf;
        }
    }

    /**
     * Someone joins the company of the account with session {@code ownerToken} by its co-worker invitation, signing up
     * as {@code email} with {@code password}; their session token.
     */
    String coworkerOf(String ownerToken, String email, String password) {
        send("POST", "/api/v1/company/invitations", "application/json", new JsonObject().put("email", email).encode(),
                "Authorization", "Bearer " + ownerToken);
        List<OutgoingMail> invitations = mails(MailTemplate.COWORKER_INVITATION);
        String token = invitations.get(invitations.size() - 1).values().get("token");
        JsonObject body = validSignUp().put("email", email).put("firstName", "Grace").put("invitationToken", token);
        body.remove("company");
        String registrationId = signUp(body);
        postJson("/api/v1/registrations/" + registrationId + "/verification", new JsonObject().put("code", lastCode()));
        return logIn(email, password).json().getString("token");
    }

    /** A request with a session's bearer token, a JSON body or none, and more headers as name-value pairs. */
    Answer as(String token, String method, String path, JsonObject body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body == null ? null : "application/json", body == null ? null : body.encode(), all);
    }

    /** The answer is a problem of this status and code (the body shown when it is not). */
    static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    Answer send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, new String[0]);
    }

    /** With extra request headers, given as name, value, name, value, ... */
    Answer send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers(), response.body());
            checkEveryAnswer(method, path, answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What holds for every answer of the API, checked on each one the tests see: the security headers, a problem's
     * form, and that the contract documents the answer (its status, its code, its body's schema).
     */
    private static void checkEveryAnswer(String method, String path, Answer answer) {
        ContractAnswers.instance().check(method, path, answer);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        if (answer.isPage()) {
            // A page a mail link opens: its own headers, and HTML even when it refuses.
            assertThat(answer.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy"))
                    .startsWith("default-src 'none'; script-src 'self'")
                    .contains("; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(answer.body()).startsWith("<!DOCTYPE html>").doesNotContain("Exception");
            return;
        }
        if (answer.status() >= 400) {
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at io.");
            if (!answer.isHealthReport()) {
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                JsonObject problem = answer.json();
                assertThat(problem.getString("type")).isEqualTo("urn:smartconnect:problem:" + problem.getString("code"));
                assertThat(problem.getInteger("status")).isEqualTo(answer.status());
                assertThat(problem.getString("title")).isNotBlank();
                assertThat(problem.getString("detail")).isNotBlank();
            }
        }
    }

    /** A GET whose answer is read as bytes (an image), with extra request headers as name, value, ... */
    BinaryAnswer getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            BinaryAnswer answer = new BinaryAnswer(response.statusCode(), response.headers(), response.body());
            if (answer.status() >= 400) {
                // A refusal is a problem in JSON like any other: checked as every other answer is.
                checkEveryAnswer("GET", path, answer.asText());
            } else {
                assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            awaitStopped(api.stop(Duration.ofSeconds(1)));
        } finally {
            awaitStopped(vertx.close());
        }
    }

    /** Waits for a stop; an interrupted wait leaves the thread interrupted and fails the test. */
    private static void awaitStopped(io.vertx.core.Future<?> stop) {
        try {
            stop.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not stop", e);
        }
    }

    record BinaryAnswer(int status, java.net.http.HttpHeaders headers, byte[] body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Answer asText() {
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        JsonObject json() {
            return new JsonObject(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The {@code Set-Cookie} value of the cookie {@code name}, or null. */
        String setCookie(String name) {
            return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        String code() {
            return json().getString("code");
        }

        boolean isPage() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/html");
        }

        boolean isHealthReport() {
            return status == 503 && body.contains("\"checks\"");
        }

        /** The {@code errors} of a VALIDATION_FAILED problem. */
        List<JsonObject> errors() {
            return json().getJsonArray("errors").stream().map(JsonObject.class::cast).toList();
        }

        List<String> errorFields() {
            return errors().stream().map(e -> e.getString("field")).toList();
        }
    }
}
