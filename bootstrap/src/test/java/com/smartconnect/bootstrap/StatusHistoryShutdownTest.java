package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status history's five minutes in progress live in memory (StatusHistoryRecorder): a shutdown writes them, so a
 * server that stops in the middle of five minutes loses none of its history; the minutes that are over are written by
 * the ingest as it goes.
 */
class StatusHistoryShutdownTest {

    private static final ProductId UPS = new ProductId("AS2104123456");

    @TempDir
    Path dataDir;

    @Test
    void aShutdownWritesTheFiveMinutesInProgressAndTheOnesThatAreOverAreWrittenAsTheIngestGoes() throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1"));
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:01:00Z");
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).clock(clock).jobs()
                .mailTransport(mail -> { }).start()) {
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + UPS.value() + ",7KQ2M9X4B1C8DZ,s3cret-of-the-device-0123456789-abcdef,SMT1500RMI2UC,SN1,"
                            + "APCRBC159,2023-03-01,2027-03-01\n"));
            status(server, 1, clock.instant(), 90);
            status(server, 2, clock.instant(), 80);
            assertThat(rows(configuration)).as("08:00 is still filling, in memory").isEqualTo("0 rows");
            clock.advance(Duration.ofMinutes(5));
            status(server, 3, clock.instant(), 70);
            assertThat(rows(configuration)).as("the first batch after 08:05 wrote 08:00").isEqualTo("1 rows, 2 charges");
        }
        assertThat(rows(configuration)).as("the shutdown wrote 08:05").isEqualTo("2 rows, 3 charges");
    }

    private static void status(SmartConnect server, long seq, java.time.Instant sentAt, int charge) {
        server.devices().ingest().ingest(List.of(new IncomingDeviceMessage(UPS, new DeviceMessage.Status(
                new DeviceStatus(Optional.of(seq), sentAt, List.of("OL"), Optional.of(charge), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))));
    }

    /** The five-minute buckets in the database, read over a connection of this test's own. */
    private static String rows(Configuration configuration) throws Exception {
        try (Connection connection = DriverManager.getConnection(configuration.jdbcUrl(),
                configuration.dbUser().orElse(""), configuration.dbPassword().orElse(""));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*), coalesce(sum(charge_count), 0) FROM status_history_five_minutes")) {
            result.next();
            return result.getLong(1) == 0 ? "0 rows" : result.getLong(1) + " rows, " + result.getLong(2) + " charges";
        }
    }
}
