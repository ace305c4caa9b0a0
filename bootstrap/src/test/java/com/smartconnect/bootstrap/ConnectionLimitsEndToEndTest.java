package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.domain.device.ProductId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server with a small HTTP connection cap, over real sockets: clients that open connections and never send
 * anything fill the cap, one more connection is closed as it arrives, a device still connects and publishes over MQTT
 * meanwhile, and once the idle connections are closed the health check answers again.
 */
class ConnectionLimitsEndToEndTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";
    private static final int CAP = 50;
    private static final int IDLE_SOCKETS = 300;
    private static final int IDLE_TIMEOUT_SECONDS = 8;

    @TempDir
    Path dataDir;

    @Test
    void idleHttpClientsPastTheCapNeitherKeepDevicesOutNorTheHealthCheckForLongerThanTheIdleTimeout()
            throws Exception {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_PORT", "0", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_MAX_CONNECTIONS", Integer.toString(CAP),
                "SMARTCONNECT_HTTP_IDLE_TIMEOUT_SECONDS", Integer.toString(IDLE_TIMEOUT_SECONDS)));
        List<Socket> idle = new ArrayList<>();
        try (TestDatabase database = TestDatabases.freshH2();
                SmartConnect smartConnect = SmartConnect.builder().configuration(configuration)
                        .dataSource(database.dataSource()).mailTransport(message -> { }).start()) {
            smartConnect.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + "AS21-0412-3456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n"));
            int httpPort = smartConnect.httpPort().getAsInt();
            assertThat(health(httpPort)).isEqualTo(200);

            long filling = System.nanoTime();
            for (int i = 0; i < IDLE_SOCKETS; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 5_000);
                idle.add(socket);
            }
            boolean[] closed = new boolean[IDLE_SOCKETS];
            assertThat(eventually(() -> closedNow(idle, closed) >= IDLE_SOCKETS - CAP, Duration.ofSeconds(3)))
                    .as("connections past the cap of %d closed as they arrive", CAP).isTrue();
            assertThat(closedNow(idle, closed)).as("connections closed before the idle timeout")
                    .isLessThanOrEqualTo(IDLE_SOCKETS - CAP + 5);
            assertThat(health(httpPort)).as("a health check while the idle connections fill the cap").isEqualTo(-1);

            // The devices have connections of their own, which the HTTP clients cannot take.
            MqttClient device = connect(smartConnect.mqttPort().getAsInt());
            device.publish("ups/" + UPS + "/birth", """
                    {"model": "SMT1500RMI2UC", "smartConnectEnabled": true, "sentAt": "2026-11-20T08:15:30Z"}"""
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(smartConnect.devices().query().state(UPS).orElseThrow().lastBirth()).isPresent();
            device.disconnect();
            device.close();
            assertThat(health(httpPort)).as("HTTP still full after the device published").isEqualTo(-1);

            // The idle connections go after the idle timeout, and the server answers its health check again.
            assertThat(eventually(() -> health(httpPort) == 200, Duration.ofSeconds(IDLE_TIMEOUT_SECONDS + 10)))
                    .isTrue();
            long recoveredAfter = Duration.ofNanos(System.nanoTime() - filling).toSeconds();
            assertThat(recoveredAfter).as("seconds until the health check answered again")
                    .isGreaterThanOrEqualTo(IDLE_TIMEOUT_SECONDS - 1);
            assertThat(eventually(() -> closedNow(idle, closed) == IDLE_SOCKETS, Duration.ofSeconds(5)))
                    .as("every idle connection closed after the idle timeout").isTrue();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** The status of {@code GET /health/live}; -1 when the connection was closed without an answer. */
    private static int health(int port) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException closedWithoutAnswer) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many of the sockets the server has closed by now; {@code closed} remembers the ones seen closed. */
    private static int closedNow(List<Socket> sockets, boolean[] closed) {
        int count = 0;
        for (int i = 0; i < sockets.size(); i++) {
            if (!closed[i]) {
                closed[i] = closedByServer(sockets.get(i));
            }
            count += closed[i] ? 1 : 0;
        }
        return count;
    }

    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
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

    private static boolean eventually(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
