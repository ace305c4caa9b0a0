package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.smartconnect.application.fake.MutableClock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong SMTP set-up fails every mail: mail delivery's log line says why, from the cause chain, and which setting
 * to change. Delivery logs through System.Logger, which goes to java.util.logging here.
 */
class SmtpSetupFailureLogTest {

    private static final String PASSWORD = "s3cret-Passw0rd";

    private final MutableClock clock = MutableClock.startingAt("2025-03-04T05:06:07Z");
    private final RecordingMailOutbox outbox = new RecordingMailOutbox();
    private final MailRenderer renderer = new MailRenderer(Mails.SETTINGS);
    private final Logger mailLogs = Logger.getLogger("com.smartconnect");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        mailLogs.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        mailLogs.removeHandler(capture);
    }

    @Test
    void starttlsAgainstAServerWithoutItLogsTheCauseAndTheSettingToChange() throws Exception {
        GreenMail greenMail = Mails.greenMailOnFreePort();
        try {
            int port = greenMail.getSmtp().getPort();
            SmtpTransport transport = new SmtpTransport(new SmtpSettings(Mails.LOOPBACK, port, SmtpSecurity.STARTTLS,
                    Optional.of("smartconnect"), Optional.of(PASSWORD)));
            outbox.enqueue(Mails.signUpCode("ada@example.org", "Ada", "123456"));
            try (MailDispatcher dispatcher = Mails.dispatcher(outbox, transport, renderer, clock)) {

                assertThat(dispatcher.dispatchDue()).isZero();
            }

            assertThat(outbox.failed).hasSize(1);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
            assertThat(lines).filteredOn(line -> line.contains("failed (attempt 1")).singleElement()
                    .satisfies(line -> {
                        assertThat(line).containsIgnoringCase("STARTTLS is required")
                                .contains("SMARTCONNECT_SMTP_TLS=starttls")
                                .contains("SMARTCONNECT_SMTP_TLS=tls")
                                .contains(Mails.LOOPBACK + ":" + port)
                                .doesNotContain(PASSWORD)
                                .doesNotContain("ada@")
                                .doesNotContain("\n");
                    });
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void aRefusedConnectionNamesTheHostAndPortSettings() {
        int port = Mails.freePort();
        outbox.enqueue(Mails.signUpCode("ada@example.org", "Ada", "123456"));
        try (MailDispatcher dispatcher = Mails.dispatcher(outbox, Mails.smtpTo(port), renderer, clock)) {

            assertThat(dispatcher.dispatchDue()).isZero();
        }

        assertThat(lines).filteredOn(line -> line.contains("failed (attempt 1")).singleElement()
                .satisfies(line -> assertThat(line).contains("ConnectException")
                        .contains("SMARTCONNECT_SMTP_HOST").contains("SMARTCONNECT_SMTP_PORT"));
    }
}
