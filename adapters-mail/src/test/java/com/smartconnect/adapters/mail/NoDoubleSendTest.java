package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.MailDeliveryService;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoDoubleSendTest {

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
    void aSentMailIsNeverClaimedAgain() {
        outbox.enqueue(Mails.signUpCode("ada@example.org", "Ada", "123456"));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aCrashBetweenSendAndMarkSentResendsWithTheSameMessageId() throws Exception {
        OutgoingMail mail = Mails.signUpCode("ada@example.org", "Ada", "123456");
        outbox.enqueue(mail);
        outbox.markSentFailures.set(1);

        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(outbox.failed).as("a sent mail is not a failed one").isEmpty();

        clock.advance(MailDeliveryService.LEASE.minusSeconds(1));
        assertThat(dispatcher.dispatchDue()).as("still leased").isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue()).as("lease over: sent again").isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID())
                .isEqualTo(received[1].getMessageID())
                .isEqualTo("<" + mail.id() + "@portal.example.com>");
    }
}
