package com.smartconnect.adapters.mqtt;

import static com.smartconnect.adapters.mqtt.EndpointFixture.OTHER;
import static com.smartconnect.adapters.mqtt.EndpointFixture.SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.UPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.domain.device.DeviceEvent;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The device endpoint against Mosquitto's command-line clients, over MQTT 3.1.1 and 5. */
class MosquittoClientsTest {

    private static Vertx vertx;
    private EndpointFixture fixture;

    @BeforeAll
    static void startVertx() {
        // CI installs mosquitto-clients; elsewhere these tests are reported as skipped rather than failing the build.
        Assumptions.assumeTrue(onPath("mosquitto_pub") && onPath("mosquitto_sub"),
                "mosquitto_pub is not installed (apt-get install mosquitto-clients)");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void startEndpoint() throws Exception {
        fixture = new EndpointFixture(vertx);
    }

    @AfterEach
    void stopEndpoint() throws Exception {
        fixture.close();
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private List<String> client(String tool, String version, String password, String... rest) {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(fixture.port),
                "-V", version, "-i", UPS.value(), "-u", UPS.value(), "-P", password));
        command.addAll(List.of(rest));
        return command;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void badCredentialsAreRefused(String version) throws Exception {
        Run refused = run(client("mosquitto_pub", version, "wrong-secret", "-t", "ups/" + UPS + "/status", "-m", "{}",
                "-q", "1").toArray(String[]::new));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("bad user name or password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void anEventPublishedWithQos1IsStored(String version) throws Exception {
        Run published = run(client("mosquitto_pub", version, SECRET, "-t", "ups/" + UPS + "/events", "-q", "1", "-m",
                DeviceEndpointTest.EVENT.formatted("mosquitto-" + version)).toArray(String[]::new));

        assertThat(published.exitCode()).as(published.output()).isZero();
        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId).containsExactly("mosquitto-" + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void aMalformedPayloadIsAcknowledged(String version) throws Exception {
        Run published = run(client("mosquitto_pub", version, SECRET, "-t", "ups/" + UPS + "/events", "-q", "1", "-m",
                "{not json").toArray(String[]::new));

        assertThat(published.exitCode()).as(published.output()).isZero();
        assertThat(fixture.counters.rejectedFor("malformed-json")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void subscribingToAnotherDevicesCommandsIsDenied(String version) throws Exception {
        Run denied = run(client("mosquitto_sub", version, SECRET, "-t", "ups/" + OTHER + "/commands", "-W", "5")
                .toArray(String[]::new));

        assertThat(denied.output()).contains("All subscription requests were denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mqttv311", "mqttv5"})
    void publishingOnAnotherDevicesTopicEndsTheConnection(String version) throws Exception {
        Run closed = run(client("mosquitto_pub", version, SECRET, "-t", "ups/" + OTHER + "/events", "-q", "1", "-m",
                DeviceEndpointTest.EVENT.formatted("intruder")).toArray(String[]::new));

        assertThat(closed.exitCode()).as(closed.output()).isNotZero();
        assertThat(fixture.events.eventsOf(OTHER)).isEmpty();
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command)));
    }
}
