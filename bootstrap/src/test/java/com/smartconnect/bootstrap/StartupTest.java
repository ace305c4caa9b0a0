package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.smartconnect.adapters.persistence.TestDatabases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortInUseIsRefusedWithTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                var database = TestDatabases.freshH2()) {
            Configuration configuration = Configuration.from(Map.of(
                    "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                    "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                    "SMARTCONNECT_HTTP_PORT", "0",
                    "SMARTCONNECT_MQTT_PORT", Integer.toString(taken.getLocalPort())));

            assertThatThrownBy(() -> SmartConnect.builder().configuration(configuration)
                    .dataSource(database.dataSource()).start())
                    .isInstanceOf(Configuration.InvalidConfiguration.class)
                    .hasMessageContaining("MQTT device endpoint cannot listen on port " + taken.getLocalPort())
                    .hasMessageContaining("SMARTCONNECT_MQTT_PORT");
        }
    }

    @Test
    void theStartLineNamesTheDatabaseAndTheMailTransportButNotThePassword() {
        String password = "smtp-Passw0rd-42";
        Configuration configuration = Configuration.from(Map.of(
                "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", "0",
                "SMARTCONNECT_MQTT_PORT", "-1",
                "SMARTCONNECT_SMTP_HOST", "127.0.0.1",
                "SMARTCONNECT_SMTP_PORT", "2525",
                "SMARTCONNECT_SMTP_USER", "smartconnect",
                "SMARTCONNECT_SMTP_PASSWORD", password));
        Logger log = (Logger) LoggerFactory.getLogger(SmartConnect.class.getName());
        ListAppender<ILoggingEvent> capture = new ListAppender<>();
        capture.start();
        log.addAppender(capture);
        try (SmartConnect smartConnect = SmartConnect.builder().configuration(configuration).start()) {

            assertThat(capture.list).map(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.startsWith("SmartConnect is up")).singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("HTTP on port " + smartConnect.httpPort().orElseThrow())
                            .contains("database H2 file " + dataDir.resolve("smartconnect"))
                            .contains("mail: SMTP 127.0.0.1:2525 (starttls, user smartconnect)")
                            .doesNotContain(password)
                            .doesNotContain("\n"));
        } finally {
            log.detachAppender(capture);
        }
    }

    @Test
    void theStartLineSaysWhatAnEmbeddingApplicationHandedIn() throws Exception {
        Configuration configuration = Configuration.from(Map.of(
                "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1",
                "SMARTCONNECT_MQTT_PORT", "-1"));
        Logger log = (Logger) LoggerFactory.getLogger(SmartConnect.class.getName());
        ListAppender<ILoggingEvent> capture = new ListAppender<>();
        capture.start();
        log.addAppender(capture);
        try (var database = TestDatabases.freshH2();
                SmartConnect smartConnect = SmartConnect.builder().configuration(configuration)
                        .dataSource(database.dataSource()).start()) {

            assertThat(capture.list).map(ILoggingEvent::getFormattedMessage)
                    .filteredOn(line -> line.startsWith("SmartConnect is up")).singleElement()
                    .isEqualTo("SmartConnect is up: HTTP off, MQTT off; database handed in by the embedding application;"
                            + " mail: .eml files in " + dataDir.resolve("mail"));
        } finally {
            log.detachAppender(capture);
        }
    }

    @Test
    void aDatabaseUrlIsNamedByItsHostAndDatabaseOnly() {
        assertThat(StartupSummary.databaseAt(
                "jdbc:postgresql://scuser:url-secret@db.example:5432/smartconnect?user=scuser&password=url-secret"))
                .isEqualTo("database PostgreSQL smartconnect on db.example:5432");
        assertThat(StartupSummary.databaseAt("jdbc:h2:file:/var/lib/sc/db;PASSWORD=url-secret"))
                .isEqualTo("database H2 file /var/lib/sc/db");
        assertThat(StartupSummary.databaseAt("jdbc:postgresql:smartconnect"))
                .isEqualTo("database PostgreSQL smartconnect on localhost");
    }
}
