package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the end-to-end tests do as a browser or API client would: JSON and form requests over a real socket to a
 * running server, and the mails it sent, read from a real SMTP server (GreenMail).
 */
final class PortalClient implements BeforeEachCallback, AfterEachCallback {

    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String SESSION = "smartconnect_session=";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> handedOut = new HashSet<>();
    private final GreenMail smtp;

    /**
     * The configuration of an end-to-end test's server: its data folder, free HTTP and MQTT ports, this client's SMTP
     * server, a public URL and a short shutdown; {@code overrides} replace or add settings.
     */
    Configuration configuration(Path dataDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", "0",
                "SMARTCONNECT_MQTT_PORT", "0",
                "SMARTCONNECT_SMTP_HOST", "127.0.0.1",
                "SMARTCONNECT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "SMARTCONNECT_SMTP_TLS", "none",
                "SMARTCONNECT_PUBLIC_URL", "https://portal.example.com",
                "SMARTCONNECT_SHUTDOWN_GRACE_SECONDS", "2"));
        settings.putAll(overrides);
        return Configuration.from(settings);
    }

    PortalClient(GreenMail smtp) {
        this.smtp = smtp;
    }

    /**
     * A client with its own SMTP server, which starts before each test and stops after it: a test class's
     * {@code @RegisterExtension final PortalClient client = PortalClient.withOwnMail();}.
     */
    static PortalClient withOwnMail() {
        return new PortalClient(new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        smtp.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        smtp.stop();
    }

    HttpResponse<String> post(SmartConnect server, String path, String json, String... headers) throws Exception {
        return sendJson(server, "POST", path, json, headers);
    }

    HttpResponse<String> get(SmartConnect server, String path, String... headers) throws Exception {
        return send(server, "GET", path, headers);
    }

    HttpResponse<byte[]> getBytes(SmartConnect server, String path, String... headers) throws Exception {
        return http.send(request(server, path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> sendJson(SmartConnect server, String method, String path, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = request(server, path, headers).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(SmartConnect server, String path, String form) throws Exception {
        return http.send(request(server, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens the page of a mail's link at {@code pagePath} and posts its button's form to {@code action}, as a browser
     * does: the link's token with the page's {@code csrf} field and the form cookie the page gave.
     */
    HttpResponse<String> submitLinkPage(SmartConnect server, String pagePath, String action, String token)
            throws Exception {
        return submitLinkPage(server, pagePath, action, token, "");
    }

    /** {@link #submitLinkPage} with more fields of the page's form ({@code &name=value...}, encoded). */
    HttpResponse<String> submitLinkPage(SmartConnect server, String pagePath, String action, String token,
            String moreFields) throws Exception {
        HttpResponse<String> page = get(server, pagePath);
        Matcher csrf = CSRF.matcher(page.body());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("smartconnect_form="))
                .findFirst().orElseThrow(() -> new AssertionError("no form cookie: " + page.headers()));
        if (!csrf.find()) {
            throw new AssertionError("no form on " + pagePath + ": " + page.body());
        }
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + moreFields;
        return http.send(request(server, action, "Cookie", cookie.substring(0, cookie.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page as a browser without script asks for it: with the session cookie of a login's {@code token}, if any. */
    HttpResponse<String> page(SmartConnect server, String path, String token) throws Exception {
        return token == null ? get(server, path) : get(server, path, "Cookie", SESSION + token);
    }

    /** A part of a page as htmx asks for it ({@code HX-Request}), with the session cookie of {@code token}. */
    HttpResponse<String> htmx(SmartConnect server, String path, String token) throws Exception {
        return get(server, path, "Cookie", SESSION + token, "HX-Request", "true");
    }

    /** A page's form ({@code form}, URL-encoded) posted with the session cookie of {@code token}. */
    HttpResponse<String> postPage(SmartConnect server, String path, String token, String form) throws Exception {
        return http.send(request(server, path, "Cookie", SESSION + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token of an API login with {@link PortalServer#PASSWORD}: the session a page's cookie carries. */
    String token(SmartConnect server, String email) throws Exception {
        return field(post(server, "/api/v1/sessions", credentials(email, PortalServer.PASSWORD)).body(), "token");
    }

    /** The value of the first {@code csrf} field of a page, URL-encoded for a form. */
    static String csrf(String body) {
        Matcher csrf = CSRF.matcher(body);
        assertThat(csrf.find()).as("a form with its token").isTrue();
        return URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(SmartConnect server, String method, String path, String... headers) throws Exception {
        return http.send(request(server, path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(SmartConnect server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort().getAsInt() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** Signs up with {@link #signUpBody} and enters the mailed code; returns the registration id. */
    String signUpAndVerify(SmartConnect server, String email) throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> signUp = post(server, "/api/v1/registrations", signUpBody(email));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        String registrationId = field(signUp.body(), "registrationId");
        String code = mailedCode(awaitMail(before + 1));
        HttpResponse<String> verified = post(server, "/api/v1/registrations/" + registrationId + "/verification",
                "{\"code\":\"" + code + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return registrationId;
    }

    /** The 6-digit code in a mail. */
    static String mailedCode(MimeMessage mail) {
        Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(code.find()).as("a 6-digit code in the mail").isTrue();
        return code.group(1);
    }

    /** The plain-text part of a mail, decoded (a raw body may be quoted-printable, which splits links). */
    static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
        }
        return content.toString();
    }

    int mailsReceived() {
        return smtp.getReceivedMessages().length;
    }

    /**
     * Waits until {@code count} mails arrived and returns the one not handed out before. GreenMail lists mails by
     * mailbox, not by arrival, so with several recipients the last in its list is not the newest.
     */
    MimeMessage awaitMail(int count) throws Exception {
        assertThat(smtp.waitForIncomingEmail(15_000, count)).as("mail %d arrived", count).isTrue();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            if (handedOut.add(received.getMessageID())) {
                return received;
            }
        }
        throw new AssertionError("no new mail among " + count);
    }

    /** Marks {@code mail} handed out (by {@link #awaitMail} or {@link PortalServer#mailTo}); false if it was before. */
    boolean handOut(MimeMessage mail) throws Exception {
        return handedOut.add(mail.getMessageID());
    }

    static String credentials(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    static String signUpBody(String email) {
        return """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "password": "Tr1angle!Sky",
                 "country": "GB",
                 "company": {"name": "Analytical Engines Ltd", "businessType": "Reseller", "address": "12 St James's Square",
                             "city": "London", "zipCode": "SW1Y 4JH", "stateProvince": "Greater London", "country": "GB"},
                 "privacyAccepted": true, "marketingOptIn": false, "captchaToken": "any"}
                """.formatted(email);
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }
}
