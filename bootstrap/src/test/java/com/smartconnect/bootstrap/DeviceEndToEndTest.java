package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A device through the whole server, on H2 and PostgreSQL: imported into the catalog through the library API, it
 * connects over MQTT, sends its birth, a status and an event, disconnects, and is reported lost and then restored as
 * the clock moves past the offline grace period.
 */
class DeviceEndToEndTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    @TempDir
    Path dataDir;

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCataloguedDeviceIsStoredThenReportedLostAndRestored(String kind) throws Exception {
        Optional<TestDatabase> fresh = kind.equals("H2") ? Optional.of(TestDatabases.freshH2()) : TestDatabases.freshPostgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(fresh.isPresent(), "no PostgreSQL configured");
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1"));
        try (TestDatabase database = fresh.get();
                SmartConnect smartConnect = SmartConnect.builder().configuration(configuration)
                        .dataSource(database.dataSource()).mailTransport(message -> { }).clock(clock).start()) {
            ImportCatalogResult imported = smartConnect.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + "AS21-0412-3456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n"));
            assertThat(imported).isEqualTo(new ImportCatalogResult.Imported(1, 0));

            MqttClient device = connect(smartConnect.mqttPort().getAsInt());
            publish(device, "birth", """
                    {"model": "SMT1500RMI2UC", "smartConnectEnabled": true, "sentAt": "2026-11-20T08:15:30Z"}""");
            publish(device, "status", """
                    {"seq": 1, "sentAt": "2026-11-20T08:16:30Z", "status": ["OB", "DISCHRG"], "batteryChargePercent": 96}""");
            publish(device, "events", """
                    {"eventId": "e-1", "type": "ON_BATTERY", "occurredAt": "2026-11-20T07:59:02Z"}""");
            var state = smartConnect.devices().query().state(UPS).orElseThrow();
            assertThat(state.lastBirth().orElseThrow().model()).isEqualTo("SMT1500RMI2UC");
            assertThat(state.latestStatus().orElseThrow().flags()).containsExactly("OB", "DISCHRG");
            assertThat(state.lastSeenAt()).contains(clock.instant());
            eventually(() -> smartConnect.devices().query().state(UPS).orElseThrow().connected());

            device.disconnect();
            device.close();
            eventually(() -> !smartConnect.devices().query().state(UPS).orElseThrow().connected());
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            assertThat(smartConnect.devices().reportLostCommunication().reportLostCommunication()).isEqualTo(1);
            assertThat(smartConnect.devices().reportLostCommunication().reportLostCommunication()).isZero();

            clock.advance(Duration.ofMinutes(1));
            MqttClient back = connect(smartConnect.mqttPort().getAsInt());
            eventually(() -> smartConnect.devices().query().events(UPS).size() == 3);
            assertThat(smartConnect.devices().query().events(UPS)).extracting(DeviceEvent::type)
                    .containsExactly("ON_BATTERY", "COMMUNICATION_LOST", "COMMUNICATION_RESTORED");
            back.disconnect();
            back.close();
        }
    }

    @Test
    void rejectedDeviceMessagesAreCountedInTheMetricsByReason() throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "0", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1"));
        try (TestDatabase database = TestDatabases.freshH2();
                SmartConnect smartConnect = SmartConnect.builder().configuration(configuration)
                        .dataSource(database.dataSource()).mailTransport(message -> { }).start()) {
            smartConnect.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + "AS21-0412-3456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n"));
            MqttClient device = connect(smartConnect.mqttPort().getAsInt());
            publish(device, "events", "{not json");
            publish(device, "events", "{\"type\": \"ON_BATTERY\"}");
            publish(device, "events", "[1, 2]");
            device.disconnect();
            device.close();

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + smartConnect.httpPort().getAsInt() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("smartconnect_device_messages_rejected_total{reason=\"malformed-json\"} 2.0")
                    .contains("smartconnect_device_messages_rejected_total{reason=\"missing-field\"} 1.0")
                    .contains("smartconnect_device_events_unknown_type_total 0.0");
        }
    }

    private static MqttClient connect(int port) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, UPS.value(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(UPS.value());
        options.setPassword(SECRET.toCharArray());
        client.setTimeToWait(10_000);
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, String kind, String json) throws Exception {
        client.publish("ups/" + UPS + "/" + kind, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
