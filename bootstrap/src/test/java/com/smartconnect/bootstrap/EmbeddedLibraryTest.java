package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.account.registration.port.in.ResendCodeCommand;
import com.smartconnect.application.account.registration.port.in.ResendResult;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.account.registration.port.in.VerificationResult;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationCommand;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.fake.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another application embeds SmartConnect: its own DataSource, its own way of sending mail and its own clock, no
 * HTTP or MQTT listener, the use cases called directly.
 */
class EmbeddedLibraryTest {

    @TempDir
    Path dataDir;

    private final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
    private final MailTransport capture = sent::add;

    @Test
    void anEmbeddingApplicationSignsSomeoneUpWithItsOwnDatabaseMailAndClock() throws Exception {
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1"));
        try (TestDatabase database = TestDatabases.freshH2();
                SmartConnect smartConnect = SmartConnect.builder().configuration(configuration)
                        .dataSource(database.dataSource()).mailTransport(capture).clock(clock).start()) {
            assertThat(smartConnect.httpPort()).isEmpty();
            assertThat(smartConnect.mqttPort()).isEmpty();

            SignUpResult result = smartConnect.accounts().signUp().signUp(new SignUpCommand("ada@example.org", "Ada", "Lovelace",
                    "Tr1angle!Sky", "GB", Optional.of(new SignUpCommand.CompanyInput("Engines", "Reseller",
                            Optional.empty(), Optional.empty(), "1 Square", "London", "SW1Y", "London", "GB")),
                    Optional.empty(), true, false, "token", Optional.empty()));
            var id = ((SignUpResult.Accepted) result).registrationId();
            String first = awaitCode(1);

            clock.advance(Duration.ofMinutes(16));
            assertThat(smartConnect.accounts().verifyRegistration().verify(new VerifyRegistrationCommand(id, first)))
                    .as("the embedding application's clock decides expiry").isInstanceOf(VerificationResult.CodeExpired.class);
            assertThat(smartConnect.accounts().resendCode().resend(new ResendCodeCommand(id))).isInstanceOf(ResendResult.Sent.class);
            assertThat(smartConnect.accounts().verifyRegistration().verify(new VerifyRegistrationCommand(id, awaitCode(2))))
                    .isInstanceOf(VerificationResult.Verified.class);
            assertThat(database.dataSource().isClosed()).isFalse();
        }
    }

    private String awaitCode(int mails) throws Exception {
        for (int i = 0; i < 150 && sent.size() < mails; i++) {
            Thread.sleep(100);
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(mails);
        MimeMessage mail = sent.get(mails - 1);
        mail.saveChanges();
        Matcher code = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$").matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    @Test
    void theHostChoosesWhichScheduledJobsRunOnThisInstance() throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1"));
        try (TestDatabase database = TestDatabases.freshH2()) {
            try (SmartConnect all = SmartConnect.builder().configuration(configuration)
                    .dataSource(database.dataSource()).mailTransport(capture).build()) {
                assertThat(all.jobs().stream().map(Job::name).toList()).containsExactly("device-command-expiry", "event-notification-reenabling",
                        "offline-grace", "plan-schedule", "reseller-invitation-expiry", "reseller-reminders", "status-history");
            }
            try (SmartConnect some = SmartConnect.builder().configuration(configuration)
                    .dataSource(database.dataSource()).mailTransport(capture)
                    .jobs("plan-schedule", "offline-grace").build()) {
                assertThat(some.jobs().stream().map(Job::name).toList()).containsExactly("offline-grace", "plan-schedule");
            }
            assertThatThrownBy(() -> SmartConnect.builder().configuration(configuration)
                    .dataSource(database.dataSource()).mailTransport(capture).jobs("plan-scheduel").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plan-scheduel").hasMessageContaining("plan-schedule");
        }
    }
}
