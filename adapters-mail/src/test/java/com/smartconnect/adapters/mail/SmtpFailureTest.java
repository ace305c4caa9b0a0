package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the dispatcher does when the SMTP server is away or says no. */
class SmtpFailureTest {

    private final MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07Z");
    private final RecordingMailOutbox outbox = new RecordingMailOutbox();
    private final MailRenderer renderer = new MailRenderer(Mails.SETTINGS);

    @Test
    void anOutageIsRetriedWithBackoffAndDeliversExactlyOnceWhenTheServerIsBack() throws Exception {
        int port = Mails.freePort();
        Instant start = clock.instant();
        OutgoingMail mail = Mails.signUpCode("ada@example.org", "Ada", "123456");
        outbox.enqueue(mail);
        try (MailDispatcher dispatcher = Mails.dispatcher(outbox, Mails.smtpTo(port), renderer, clock)) {

            assertThat(dispatcher.dispatchDue()).isZero();
            assertThat(outbox.failed).singleElement().satisfies(failed -> {
                assertThat(failed.id()).isEqualTo(mail.id());
                assertThat(failed.retryAt()).isEqualTo(start.plusSeconds(30));
            });
            assertThat(outbox.abandoned).isEmpty();

            clock.advance(Duration.ofSeconds(29));
            assertThat(dispatcher.dispatchDue()).as("not due before retryAt").isZero();
            assertThat(outbox.failed).hasSize(1);

            GreenMail greenMail = Mails.greenMailOn(port);
            try {
                clock.advance(Duration.ofSeconds(1));
                assertThat(dispatcher.dispatchDue()).isEqualTo(1);
                assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();

                clock.advance(Duration.ofHours(2));
                assertThat(dispatcher.dispatchDue()).isZero();
                assertThat(greenMail.getReceivedMessages()).hasSize(1);
                assertThat(outbox.sent).containsExactly(mail.id());
            } finally {
                greenMail.stop();
            }
        }
    }

    @Test
    void aPermanentRefusalAbandonsTheMailWithoutRetry() throws Exception {
        OutgoingMail mail = Mails.signUpCode("nobody@example.org", "Ada", "123456");
        outbox.enqueue(mail);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 mailbox unavailable");
                MailDispatcher dispatcher = Mails.dispatcher(outbox, Mails.smtpTo(server.port()), renderer, clock)) {

            assertThat(dispatcher.dispatchDue()).isZero();

            assertThat(outbox.abandoned).singleElement().satisfies(abandoned -> {
                assertThat(abandoned.id()).isEqualTo(mail.id());
                assertThat(abandoned.error()).contains("SMTP 550");
            });
            assertThat(outbox.failed).isEmpty();

            clock.advance(Duration.ofDays(1));
            dispatcher.dispatchDue();
            assertThat(server.rcptCommands).hasValue(1);
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        OutgoingMail mail = Mails.existingAccount("busy@example.org");
        outbox.enqueue(mail);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 try again later");
                MailDispatcher dispatcher = Mails.dispatcher(outbox, Mails.smtpTo(server.port()), renderer, clock)) {

            dispatcher.dispatchDue();

            assertThat(outbox.abandoned).isEmpty();
            assertThat(outbox.failed).singleElement().satisfies(failed -> {
                assertThat(failed.retryAt()).isEqualTo(clock.instant().plusSeconds(30));
                assertThat(failed.error()).contains("SMTP 451");
            });
        }
    }
}
