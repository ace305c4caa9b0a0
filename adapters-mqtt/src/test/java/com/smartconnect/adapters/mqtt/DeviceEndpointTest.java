package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceEndpointTest {

    private static final String PRODUCT_ID = "AS2104123456";
    private static Vertx vertx;
    private static DeviceEndpoint endpoint;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        endpoint = new DeviceEndpoint("127.0.0.1", 0);
        port = endpoint.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        endpoint.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeviceThatIsNotInTheCatalogIsRefusedWithBadUserNameOrPassword() {
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId(PRODUCT_ID).setUsername(PRODUCT_ID).setPassword("a-device-secret-of-32-characters!"));

        var connect = client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture();

        assertThat(connect).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(MqttConnectionException.class)
                .satisfies(e -> assertThat(((MqttConnectionException) e).code())
                        .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD));
    }

    @Test
    void mosquittoPubIsRefusedOverMqtt311AndMqtt5() throws Exception {
        // CI installs mosquitto-clients; elsewhere this test is reported as skipped rather than failing the build.
        Assumptions.assumeTrue(onPath("mosquitto_pub"), "mosquitto_pub is not installed (apt-get install mosquitto-clients)");
        assertThat(mosquittoPub("mqttv311")).containsIgnoringCase("bad user name or password");
        assertThat(mosquittoPub("mqttv5")).containsIgnoringCase("bad user name or password");
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command)));
    }

    private static String mosquittoPub(String version) throws Exception {
        Process process = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-V", version, "-i", PRODUCT_ID, "-u", PRODUCT_ID, "-P", "wrong-secret",
                "-t", "ups/" + PRODUCT_ID + "/status", "-m", "{}", "-q", "1")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("mosquitto_pub finished").isTrue();
        assertThat(process.exitValue()).as("mosquitto_pub exit code").isNotZero();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
