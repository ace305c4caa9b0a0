package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QoS 1 durability through the real jar on the embedded default: an event the server acknowledged (PUBACK) is in the
 * H2 file after the server is killed (SIGKILL, no shutdown at all) right after, as a new instance on the same files
 * sees.
 */
class DeviceDurabilityJarIT {

    private static final Path JAR = Path.of("target", "smartconnect.jar");
    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    @TempDir
    Path dataDir;

    @Test
    void anAcknowledgedEventSurvivesAKilledServer() throws Exception {
        Path csv = dataDir.resolve("devices.csv");
        Files.writeString(csv, "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,"
                + "warrantyEndsOn\n" + UPS + ",7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n");
        assertThat(CatalogImportCommand.run(csv, Configuration.defaults(dataDir))).isZero();
        int httpPort = freePort();
        int mqttPort = freePort();
        Process server = start(httpPort, mqttPort);
        try {
            MqttClient device = new MqttClient("tcp://127.0.0.1:" + mqttPort, UPS.value(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(UPS.value());
            options.setPassword(SECRET.toCharArray());
            device.setTimeToWait(10_000);
            device.connect(options);
            for (int i = 1; i <= 5; i++) {
                device.publish("ups/" + UPS + "/events", ("{\"eventId\": \"durable-" + i + "\", \"type\": \"ON_BATTERY\","
                        + " \"occurredAt\": \"2026-11-20T08:17:02Z\"}").getBytes(StandardCharsets.UTF_8), 1, false);
            }
            // Acknowledged: now the server dies without any chance to flush or shut down.
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try {
                device.disconnectForcibly(100, 100, false);
            } catch (org.eclipse.paho.client.mqttv3.MqttException alreadyLost) {
                // the client may or may not have noticed the dead server yet
            }
            device.close(true);
        } finally {
            server.destroyForcibly();
        }

        Configuration sameFiles = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1"));
        try (SmartConnect restarted = SmartConnect.builder().configuration(sameFiles).build()) {
            assertThat(restarted.devices().query().events(UPS)).extracting(DeviceEvent::eventId)
                    .containsExactly("durable-1", "durable-2", "durable-3", "durable-4", "durable-5");
        }
    }

    private Process start(int httpPort, int mqttPort) throws Exception {
        return JarProcess.startServer(dataDir, Map.of("SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", Integer.toString(httpPort), "SMARTCONNECT_MQTT_PORT", Integer.toString(mqttPort)),
                httpPort);
    }

    private static int freePort() throws IOException {
        return JarProcess.freePort();
    }
}
