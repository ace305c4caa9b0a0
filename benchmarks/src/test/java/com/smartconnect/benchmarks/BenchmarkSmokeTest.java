package com.smartconnect.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.simulator.CatalogFile;
import com.smartconnect.simulator.DeviceIdentity;
import com.smartconnect.simulator.Fleet;
import com.smartconnect.simulator.FleetSettings;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's parts work, in seconds (the benchmark itself is benchmarks/run.sh, not part of the tests): the
 * storage ceiling inserts into the migrated events table, a closed-loop fleet gets acknowledgements of stored
 * events with their latencies, and its devices registered for Event Notifications make throttled notification mails.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path dataDir;

    @Test
    void theStorageCeilingAndAClosedLoopFleetMeasureSomething() throws Exception {
        List<DeviceIdentity> devices = DeviceIdentity.fleet(3, 4);
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1"));
        try (HikariDataSource pool = PooledDataSource.create(configuration.jdbcUrl(), null, null, 6);
                SmartConnect server = SmartConnect.builder().configuration(configuration).dataSource(pool)
                        .mailTransport(message -> { }).start()) {
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand(CatalogFile.text(devices)));

            // A warm-up first: on a loaded machine, opening the writers' connections alone can take the whole window.
            double rows = StorageCeiling.rowsPerSecond(pool,
                    devices.stream().map(DeviceIdentity::productId).toList(), Duration.ofMillis(500),
                    Duration.ofSeconds(1));
            assertThat(rows).isPositive();

            // Every device registered for Event Notifications, every event matching, the switch on: the throttle
            // lets at most 6 notifications and 1 alert through per device.
            assertThat(NotificationSetup.registerAll(pool)).isEqualTo(4);
            NotificationSetup.switchTo(pool, true);

            try (Fleet fleet = new Fleet(FleetSettings.of("127.0.0.1", server.mqttPort().getAsInt(), 4).withSeed(3)
                    .withEventsInFlightPerDevice(4))) {
                assertThat(fleet.connect(Duration.ofSeconds(30))).isEqualTo(4);
                fleet.sendClosedLoop();
                Thread.sleep(500);
                fleet.stopSending();
                fleet.awaitQuiet(Duration.ofSeconds(10));
                assertThat(fleet.statistics().eventsAcknowledged()).isPositive()
                        .isEqualTo(fleet.statistics().eventsSent());
                assertThat(fleet.statistics().eventLatency().percentileMillis(99)).isPositive();
            }
            NotificationSetup.Counts mails = NotificationSetup.counts(pool);
            assertThat(mails.notifications()).isPositive().isLessThanOrEqualTo(4 * 6);
            assertThat(mails.disabledAlerts()).isLessThanOrEqualTo(4).isEqualTo(mails.devicesDisabled());
            assertThat(NotificationSetup.Counts.parse(mails.line())).isEqualTo(mails);
            NotificationSetup.switchTo(pool, false);
            assertThat(NotificationSetup.counts(pool).devicesDisabled()).isZero();
        }
    }
}
