package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running SmartConnect for the portal's tests, with what they need around it: a real SMTP server (GreenMail), a
 * {@link PortalClient} that reads its mails, the base URL of its pages and {@link SimulatedUpses} on its MQTT port.
 * A test class starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}; {@link #close} stops the UPSes,
 * the server and the mail server in that order. The users of its helpers have the password {@link #PASSWORD}; its
 * mails are handed out once, by {@link #mailTo} or {@link PortalClient#awaitMail}.
 */
final class PortalServer implements AutoCloseable {

    /** The password of every user signed up with {@link PortalClient#signUpBody}. */
    static final String PASSWORD = "Tr1angle!Sky";

    final GreenMail smtp;
    final PortalClient client;
    final SmartConnect server;
    /** {@code http://127.0.0.1:<port>}, before every page path. */
    final String base;
    final SimulatedUpses upses;

    private PortalServer(GreenMail smtp, SmartConnect server) {
        this.smtp = smtp;
        this.client = new PortalClient(smtp);
        this.server = server;
        this.base = "http://127.0.0.1:" + server.httpPort().getAsInt();
        this.upses = new SimulatedUpses(server);
    }

    /** A server with the settings of {@link PortalClient#configuration} and the system clock. */
    static PortalServer start(Path dataDir) {
        return start(dataDir, Map.of(), null);
    }

    /** A server whose settings {@code overrides} replace or add to, on {@code clock} (null: the system clock). */
    static PortalServer start(Path dataDir, Map<String, String> overrides, Clock clock) {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            SmartConnectBuilder builder = SmartConnect.builder();
            if (clock != null) {
                builder.clock(clock);
            }
            Configuration configuration = new PortalClient(smtp).configuration(dataDir, overrides);
            return new PortalServer(smtp, builder.configuration(configuration).start());
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    /** {@link PortalClient#get} on this server. */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        return client.get(server, path, headers);
    }

    /** {@link PortalClient#post} (JSON) on this server. */
    HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return client.post(server, path, json, headers);
    }

    /** {@link PortalClient#sendJson} on this server. */
    HttpResponse<String> sendJson(String method, String path, String json, String... headers) throws Exception {
        return client.sendJson(server, method, path, json, headers);
    }

    /** {@link PortalClient#send} (no body) on this server. */
    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        return client.send(server, method, path, headers);
    }

    /** {@link PortalClient#page}: a page with the session cookie of a login's {@code token}, if any. */
    HttpResponse<String> page(String path, String token) throws Exception {
        return client.page(server, path, token);
    }

    /** {@link PortalClient#submitLinkPage} on this server. */
    HttpResponse<String> submitLinkPage(String pagePath, String action, String token) throws Exception {
        return client.submitLinkPage(server, pagePath, action, token);
    }

    /** {@link PortalClient#token}: the token of an API login with {@link #PASSWORD}. */
    String token(String email) throws Exception {
        return client.token(server, email);
    }

    /** Signs up by the API (as Ada Lovelace of Analytical Engines Ltd) and enters the code of the "verify" mail. */
    void signUpAndVerify(String email) throws Exception {
        HttpResponse<String> signUp = client.post(server, "/api/v1/registrations", PortalClient.signUpBody(email));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
        String code = PortalClient.mailedCode(mailTo(email, "verify"));
        HttpResponse<String> verified = client.post(server, "/api/v1/registrations/"
                + PortalClient.field(signUp.body(), "registrationId") + "/verification", "{\"code\":\"" + code + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    }

    /** The {@code Authorization} header of an API login with {@link #PASSWORD}. */
    String bearer(String email) throws Exception {
        HttpResponse<String> session = post("/api/v1/sessions", PortalClient.credentials(email, PASSWORD));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        return "Bearer " + PortalClient.field(session.body(), "token");
    }

    /** Registers a UPS of {@link SimulatedUpses#importCatalog} by the API, as the owner of {@code bearer}. */
    void register(String bearer, String productId) throws Exception {
        HttpResponse<String> registered = client.post(server, "/api/v1/devices",
                "{\"productId\": \"" + productId + "\", \"productKey\": \"" + SimulatedUpses.KEY + "\"}",
                "Authorization", bearer);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    /**
     * Invites {@code email} into the company of {@code ownerBearer} through the API, and signs up with the mailed
     * invitation (as Mary Somerville, with {@link #PASSWORD}) and the mailed code: a co-worker.
     */
    void joinAsCoworker(String ownerBearer, String email) throws Exception {
        HttpResponse<String> invited = client.post(server, "/api/v1/company/invitations",
                "{\"email\": \"" + email + "\"}", "Authorization", ownerBearer);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        Matcher link = Pattern.compile("/register\\?invitation=([A-Za-z0-9_%.-]+)")
                .matcher(PortalClient.text(mailTo(email, "")));
        assertThat(link.find()).isTrue();
        HttpResponse<String> joined = client.post(server, "/api/v1/registrations", """
                {"email": "%s", "firstName": "Mary", "lastName": "Somerville",
                 "password": "%s", "country": "GB", "invitationToken": "%s", "privacyAccepted": true,
                 "marketingOptIn": false, "captchaToken": "any"}""".formatted(email, PASSWORD,
                URLDecoder.decode(link.group(1), StandardCharsets.UTF_8)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        String code = PortalClient.mailedCode(mailTo(email, "verify"));
        assertThat(client.post(server, "/api/v1/registrations/" + PortalClient.field(joined.body(), "registrationId")
                + "/verification", "{\"code\":\"" + code + "\"}").statusCode()).isEqualTo(200);
    }

    /** The newest mail to {@code recipient} whose subject contains {@code subject}, not handed out before. */
    MimeMessage mailTo(String recipient, String subject) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage mail = received[i];
                boolean toRecipient = Arrays.stream(mail.getAllRecipients())
                        .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                if (toRecipient && mail.getSubject().toLowerCase(Locale.ROOT).contains(subject)
                        && client.handOut(mail)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + recipient + " about " + subject);
    }

    @Override
    public void close() throws Exception {
        try {
            upses.close();
        } finally {
            try {
                server.close();
            } finally {
                smtp.stop();
            }
        }
    }

    /** Closes {@code parts} in order, those not started (null) left out: a class's {@code @AfterAll}. */
    static void closeAll(AutoCloseable... parts) throws Exception {
        // Every part is closed even when one fails: a browser or a server left running would outlive the class.
        Exception failure = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
