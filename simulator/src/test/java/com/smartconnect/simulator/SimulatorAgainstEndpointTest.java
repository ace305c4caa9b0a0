package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.domain.device.ProductId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against our own server (embedded, H2 in a temporary folder, MQTT on a free port): its catalog file
 * imports, its devices connect with their secrets, and their births, statuses and events are stored.
 */
class SimulatorAgainstEndpointTest {

    @TempDir
    Path dataDir;

    @Test
    void simulatedDevicesConnectAndTheirBirthsAndEventsAreStored() throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1"));
        List<DeviceIdentity> identities = DeviceIdentity.fleet(42, 3);
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).mailTransport(message -> { })
                .start()) {
            assertThat(server.devices().importCatalog().importCatalog(new ImportCatalogCommand(CatalogFile.text(identities))))
                    .isEqualTo(new ImportCatalogResult.Imported(3, 0));
            FleetSettings settings = FleetSettings.of("127.0.0.1", server.mqttPort().getAsInt(), 3).withSeed(42)
                    .withEventsInFlightPerDevice(4).withStatusInterval(Duration.ofMillis(200));
            try (Fleet fleet = new Fleet(settings)) {
                assertThat(fleet.connect(Duration.ofSeconds(30))).isEqualTo(3);
                assertThat(fleet.sendAtRate(60, Duration.ofMillis(500))).isZero();
                fleet.awaitQuiet(Duration.ofSeconds(10));
                FleetStatistics statistics = fleet.statistics();
                assertThat(statistics.eventsSent()).isGreaterThanOrEqualTo(25);
                assertThat(statistics.eventsAcknowledged()).isEqualTo(statistics.eventsSent());
                assertThat(statistics.failures()).isZero();
                assertThat(statistics.statusesSent()).isPositive();

                long stored = 0;
                for (DeviceIdentity identity : identities) {
                    ProductId productId = new ProductId(identity.productId());
                    var state = server.devices().query().state(productId).orElseThrow();
                    assertThat(state.lastBirth().orElseThrow().model()).isEqualTo(CatalogFile.MODEL);
                    assertThat(state.latestStatus()).isPresent();
                    stored += server.devices().query().events(productId).size();
                }
                // PUBACK only after the commit: every acknowledged event is in the database
                assertThat(stored).isEqualTo(statistics.eventsAcknowledged());
                assertThat(server.devices().messageCounters().rejected()).isZero();
                assertThat(server.devices().messageCounters().unknownEventTypes()).isZero();
            }
        }
    }
}
