package com.smartconnect.adapters.mqtt;

import static com.smartconnect.adapters.mqtt.EndpointFixture.SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.UPS;
import static com.smartconnect.adapters.mqtt.EndpointFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the endpoint writes to its log about what devices send: values from the wire never break a line, and a
 * connection that keeps doing wrong writes a bounded number of lines. The endpoint logs through System.Logger, which
 * here (no SLF4J on the test class path) is java.util.logging.
 */
class DeviceEndpointLoggingTest {

    private static Vertx vertx;
    /** Held here: java.util.logging keeps its loggers only weakly. */
    private final Logger mqttLogs = Logger.getLogger("com.smartconnect.adapters.mqtt");
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private EndpointFixture fixture;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void startEndpoint() throws Exception {
        capture.setLevel(Level.ALL);
        mqttLogs.addHandler(capture);
        fixture = new EndpointFixture(vertx);
    }

    @AfterEach
    void stopEndpoint() throws Exception {
        fixture.close();
        mqttLogs.removeHandler(capture);
    }

    private List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Test
    void lineBreaksInAClientIdATopicAndAFilterAreLoggedEscapedAndLongValuesCut() throws Exception {
        String forged = "\nINFO: AS2104654321 connected over MQTT 5\r\n";
        assertThatThrownBy(() -> RawMqtt5Client.connect(fixture.port, "ZZ" + forged, "ZZ" + forged, SECRET))
                .isInstanceOf(IOException.class);
        try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, UPS.value(), UPS.value(), SECRET)) {
            raw.subscribe(1, "ups/" + UPS + "/commands" + forged);
            assertThat(raw.read().orElseThrow().type()).isEqualTo(RawMqtt5Client.SUBACK);
            raw.publish("ups/" + UPS + "/other" + forged + "x".repeat(10_000), 1, 2, new byte[0],
                    DeviceEndpointTest.utf8("{}"));
            assertThat(raw.read().orElseThrow().type()).isEqualTo(RawMqtt5Client.PUBACK);
            raw.publish("elsewhere" + forged, 1, 3, new byte[0], DeviceEndpointTest.utf8("{}"));
            assertThat(raw.closedByServer()).isTrue();
        }

        eventually("the publish outside its topic space logged", () -> lines().stream()
                .anyMatch(line -> line.contains("elsewhere")));
        List<String> logged = lines();
        assertThat(logged).filteredOn(line -> line.contains("ZZ") || line.contains("commands") || line.contains("other")
                || line.contains("elsewhere")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r")
                        .contains("\\nINFO: AS2104654321 connected over MQTT 5\\r\\n"));
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r")
                .hasSizeLessThan(1_000));
    }

    @Test
    void aSubscribeOfAThousandFiltersAndAHundredRejectedMessagesWriteABoundedNumberOfLines() throws Exception {
        try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, UPS.value(), UPS.value(), SECRET)) {
            String[] filters = new String[1_000];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = "ups/other/" + i;
            }
            raw.subscribe(1, filters);
            RawMqtt5Client.Packet suback = raw.read().orElseThrow();
            assertThat(suback.body()).hasSize(3 + 1_000);
            for (int i = 0; i < 100; i++) {
                raw.publish("ups/" + UPS + "/events", 1, 10 + i, new byte[0], DeviceEndpointTest.utf8("{not json"));
                assertThat(raw.read().orElseThrow().type()).isEqualTo(RawMqtt5Client.PUBACK);
            }
        }
        eventually("disconnect logged", () -> lines().stream().anyMatch(line -> line.endsWith("disconnected")));

        List<String> logged = lines();
        assertThat(logged).as("lines logged").hasSizeLessThanOrEqualTo(12);
        assertThat(fixture.counters.rejectedFor("malformed-json")).isEqualTo(100);
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("1000 filter(s)"));
        assertThat(logged).as("the count of what was not logged").anySatisfy(line -> assertThat(line)
                .contains(UPS.value()).contains("96 more warnings"));
    }
}
