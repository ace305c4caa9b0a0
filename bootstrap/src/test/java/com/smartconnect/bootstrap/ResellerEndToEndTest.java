package com.smartconnect.bootstrap;

import static com.smartconnect.bootstrap.PortalClient.credentials;
import static com.smartconnect.bootstrap.PortalClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.fake.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer connects their reseller through the running server, with real mails (GreenMail) and a moved clock: the
 * reseller accepts on the page the mail links to, and the customer hears of every answer (accepted, declined,
 * expired, unsubscribed); the links of ended connections lead to an error page.
 */
class ResellerEndToEndTest {

    private static final String CUSTOMER = "ada.lovelace@example.org";
    private static final Pattern ACCEPT = Pattern.compile("https://portal\\.example\\.com(/reseller/accept\\?token=([A-Za-z0-9_-]+))");
    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("https://portal\\.example\\.com(/reseller/unsubscribe\\?token=([A-Za-z0-9_-]+))");

    @TempDir
    Path dataDir;

    private GreenMail smtp;
    private PortalClient client;
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T09:00:00Z");

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        client = new PortalClient(smtp);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private SmartConnect start() {
        return SmartConnect.builder().clock(clock)
                .configuration(client.configuration(dataDir, Map.of("SMARTCONNECT_MQTT_PORT", "-1"))).start();
    }

    @Test
    void inviteAcceptDisconnectDeclineExpireAndUnsubscribe() throws Exception {
        try (SmartConnect server = start()) {
            client.signUpAndVerify(server, CUSTOMER);
            String bearer = logIn(server);
            assertThat(client.get(server, "/api/v1/reseller", "Authorization", bearer).body()).contains("\"none\"");

            MimeMessage invitation = invite(server, bearer, "sales@reseller.example");
            assertThat(invitation.getSubject()).isEqualTo("Ada Lovelace invites you to connect on SmartConnect");
            assertThat(invitation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            Matcher accept = find(ACCEPT, invitation);
            HttpResponse<String> page = client.get(server, accept.group(1));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Ada Lovelace", "Analytical Engines Ltd", "ACCEPT INVITE", "<form");
            assertThat(state(server, bearer)).as("opening the link changes nothing").isEqualTo("invited");
            int before = client.mailsReceived();
            HttpResponse<String> accepted = client.submitLinkPage(server, accept.group(1), "/reseller/accept", accept.group(2));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(state(server, bearer)).isEqualTo("connected");
            assertThat(customerNotice(before).getSubject()).isEqualTo("Your reseller is connected");

            assertThat(client.post(server, "/api/v1/reseller/disconnect", "{}", "Authorization", bearer).statusCode())
                    .isEqualTo(200);
            assertThat(state(server, bearer)).isEqualTo("disconnected");
            assertThat(client.get(server, accept.group(1)).statusCode()).as("the error page after a disconnect").isEqualTo(410);

            // A new reseller declines with the mail client's one-click button (RFC 8058).
            Matcher declined = find(UNSUBSCRIBE, invite(server, bearer, "other@reseller.example"));
            before = client.mailsReceived();
            HttpResponse<String> oneClick = client.postForm(server, declined.group(1), "List-Unsubscribe=One-Click");
            assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
            assertThat(state(server, bearer)).isEqualTo("declined");
            assertThat(customerNotice(before).getSubject()).isEqualTo("Your reseller declined your invitation");

            // Unanswered for 7 days: expired, the customer told once, the link leads to the error page.
            Matcher late = find(ACCEPT, invite(server, bearer, "sales@reseller.example"));
            clock.advance(Duration.ofDays(7));
            bearer = logIn(server);
            before = client.mailsReceived();
            assertThat(server.resellers().expireInvitations().expireDue()).isEqualTo(1);
            assertThat(server.resellers().expireInvitations().expireDue()).isZero();
            assertThat(customerNotice(before).getSubject()).isEqualTo("Your reseller invitation has expired");
            assertThat(state(server, bearer)).isEqualTo("expired");
            HttpResponse<String> expired = client.get(server, late.group(1));
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("This invitation has expired.");

            // Connected, then the reseller opts out through the page of the Unsubscribe link.
            MimeMessage last = invite(server, bearer, "sales@reseller.example");
            before = client.mailsReceived();
            Matcher lastAccept = find(ACCEPT, last);
            client.submitLinkPage(server, lastAccept.group(1), "/reseller/accept", lastAccept.group(2));
            customerNotice(before);
            Matcher optOut = find(UNSUBSCRIBE, last);
            assertThat(client.get(server, optOut.group(1)).body()).contains("<form");
            assertThat(state(server, bearer)).isEqualTo("connected");
            before = client.mailsReceived();
            assertThat(client.submitLinkPage(server, optOut.group(1), "/reseller/unsubscribe", optOut.group(2)).statusCode())
                    .isEqualTo(200);
            assertThat(state(server, bearer)).isEqualTo("unsubscribed");
            assertThat(customerNotice(before).getSubject()).isEqualTo("Your reseller has unsubscribed");
        }
    }

    /** A new session: the clock moves by days, past a session's time-outs. */
    private String logIn(SmartConnect server) throws Exception {
        return "Bearer " + field(client.post(server, "/api/v1/sessions", credentials(CUSTOMER, "Tr1angle!Sky")).body(),
                "token");
    }

    private MimeMessage invite(SmartConnect server, String bearer, String reseller) throws Exception {
        int before = client.mailsReceived();
        HttpResponse<String> invited = client.post(server, "/api/v1/reseller/invitation",
                "{\"email\": \"" + reseller + "\"}", "Authorization", bearer);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        MimeMessage mail = client.awaitMail(before + 1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(reseller);
        return mail;
    }

    /** The next mail to the customer after {@code before} mails. */
    private MimeMessage customerNotice(int before) throws Exception {
        MimeMessage mail = client.awaitMail(before + 1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(CUSTOMER);
        return mail;
    }

    private String state(SmartConnect server, String bearer) throws Exception {
        return field(client.get(server, "/api/v1/reseller", "Authorization", bearer).body(), "state");
    }

    private static Matcher find(Pattern link, MimeMessage mail) throws Exception {
        Matcher matcher = link.matcher(PortalClient.text(mail));
        assertThat(matcher.find()).as("%s in the mail", link).isTrue();
        return matcher;
    }
}
