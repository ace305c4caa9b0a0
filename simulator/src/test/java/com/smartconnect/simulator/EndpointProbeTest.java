package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's line about what it connected to: our endpoint (embedded, MQTT on a free port), a Mosquitto broker
 * (one started on a free port when the binary is here, else the one on 127.0.0.1:1883), and a port where nothing
 * listens.
 */
class EndpointProbeTest {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    @TempDir
    Path dataDir;

    @Test
    void ourEndpointIsToldApartByRefusingAnUncataloguedDevice() throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1"));
        List<DeviceIdentity> identities = DeviceIdentity.fleet(7, 2);
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).mailTransport(message -> { })
                .start()) {
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand(CatalogFile.text(identities)));
            int port = server.mqttPort().getAsInt();

            String output = simulate(port, "7");
            assertThat(output).contains("2 of 2 devices connected").contains("Connected to a SmartConnect endpoint at tcp://127.0.0.1:" + port);

            assertThat(EndpointProbe.verdict(FleetSettings.of("127.0.0.1", port, 2), 0,
                    EndpointProbe.probe(FleetSettings.of("127.0.0.1", port, 2)), dataDir.resolve("mqtt-port")).kind())
                    .as("an endpoint without the fleet's catalog").isEqualTo(EndpointProbe.Kind.REFUSES_FLEET);
        }
    }

    @Test
    void mosquittoIsAnotherBrokerAndTheLineSaysWhichPortSmartConnectUses() throws Exception {
        Files.writeString(dataDir.resolve("mqtt-port"), "18831\n");
        Process mosquitto = null;
        int port = 1883;
        try {
            if (Files.isExecutable(MOSQUITTO)) {
                port = freePort();
                Path config = dataDir.resolve("mosquitto.conf");
                Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
                mosquitto = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                        .redirectErrorStream(true).redirectOutput(dataDir.resolve("mosquitto.log").toFile()).start();
                awaitListening(port);
            }
            assumeThat(listening(port)).as("a Mosquitto broker on port " + port).isTrue();
            FleetSettings settings = FleetSettings.of("127.0.0.1", port, 2).withSeed(7);

            EndpointProbe.Verdict verdict = EndpointProbe.run(settings, 2, dataDir.resolve("mqtt-port"));

            assertThat(verdict.kind()).isEqualTo(EndpointProbe.Kind.OTHER_BROKER);
            assertThat(verdict.line()).contains("tcp://127.0.0.1:" + port + " looks like another MQTT broker")
                    .contains("uses MQTT port 18831").contains("--port 18831");
        } finally {
            if (mosquitto != null) {
                mosquitto.destroy();
                mosquitto.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void nothingListeningIsSaidSoWithTheWayToFindTheServersPort() throws Exception {
        int port = freePort();
        EndpointProbe.Verdict verdict = EndpointProbe.run(FleetSettings.of("127.0.0.1", port, 1), 0,
                dataDir.resolve("mqtt-port"));

        assertThat(verdict.kind()).isEqualTo(EndpointProbe.Kind.UNREACHABLE);
        assertThat(verdict.line()).startsWith("Nothing accepts MQTT connections at tcp://127.0.0.1:" + port)
                .contains("18830");
    }

    private static String simulate(int port, String seed) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SimulatorMain.run(new String[] {"--port", Integer.toString(port), "--devices", "2", "--seed", seed,
                "--events-per-second", "0", "--duration", "1"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
