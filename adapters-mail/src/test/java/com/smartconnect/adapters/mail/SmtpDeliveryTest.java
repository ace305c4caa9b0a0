package com.smartconnect.adapters.mail;

import static com.smartconnect.adapters.mail.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both templates through the dispatcher and Angus SMTP into a real SMTP server. */
class SmtpDeliveryTest {

    private final GreenMail greenMail = Mails.greenMailOnFreePort();
    private final MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07Z");
    private final RecordingMailOutbox outbox = new RecordingMailOutbox();
    private final MailDispatcher dispatcher = Mails.dispatcher(outbox, Mails.smtpTo(greenMail.getSmtp().getPort()), new MailRenderer(Mails.SETTINGS), clock);

    @AfterEach
    void stop() {
        dispatcher.close();
        greenMail.stop();
    }

    @Test
    void deliversBothTemplatesAsMultipartMailsWithStableIds() throws Exception {
        OutgoingMail code = Mails.signUpCode("ada@example.org", "<b>Ada</b>", "482913");
        OutgoingMail existing = Mails.existingAccount("grace@example.net");
        outbox.enqueue(code);
        outbox.enqueue(existing);

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(outbox.sent).containsExactly(code.id(), existing.id());

        MimeMessage codeMail = receivedBy("ada@example.org");
        assertThat(codeMail.getSubject()).isEqualTo("Verify your account");
        assertThat(codeMail.getFrom()).containsExactly(new InternetAddress("SmartConnect <no-reply@smartconnect.local>"));
        assertThat(codeMail.getAllRecipients()).containsExactly(new InternetAddress("ada@example.org"));
        assertThat(codeMail.getMessageID()).isEqualTo("<" + code.id() + "@portal.example.com>");
        assertThat(codeMail.getSentDate()).isEqualTo(Date.from(clock.instant()));
        assertThat(codeMail.getContentType()).startsWith("multipart/alternative");
        assertThat(part(codeMail, "text/plain")).contains("Hello <b>Ada</b>,", "482913", "15 minutes");
        assertThat(part(codeMail, "text/html"))
                .contains("Hello &lt;b&gt;Ada&lt;/b&gt;,", "482913")
                .doesNotContain("<b>Ada</b>");

        MimeMessage existingMail = receivedBy("grace@example.net");
        assertThat(existingMail.getSubject()).isEqualTo("You already have a SmartConnect account");
        assertThat(existingMail.getMessageID()).isEqualTo("<" + existing.id() + "@portal.example.com>");
        assertThat(part(existingMail, "text/plain")).contains("https://portal.example.com/login");
        assertThat(part(existingMail, "text/html")).contains("https://portal.example.com/login", "Forgot your password?");
    }

    private MimeMessage receivedBy(String address) throws Exception {
        InternetAddress recipient = new InternetAddress(address);
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.asList(m.getAllRecipients()).contains(recipient);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
    }
}
