package com.smartconnect.adapters.mqtt;

import static com.smartconnect.adapters.mqtt.EndpointFixture.OTHER;
import static com.smartconnect.adapters.mqtt.EndpointFixture.OTHER_SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.UPS;
import static com.smartconnect.adapters.mqtt.EndpointFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device endpoint against Eclipse Paho's MQTT 3.1.1 client. */
class DeviceEndpointTest {

    static final String EVENT = """
            {"eventId": "%s", "type": "ON_BATTERY", "occurredAt": "2026-11-20T08:17:02Z",
             "details": {"inputVoltage": 0.0, "batteryChargePercent": 95}}""";
    static final String BIRTH = """
            {"model": "SMT1500RMI2UC", "serialNumber": "AS2104123456", "firmware": "UPS 15.5 / NMC 1.2",
             "smartConnectEnabled": true, "batterySku": "APCRBC159", "batteryInstalledOn": "2023-03-01",
             "outletGroups": ["MAIN", "SOG1", "SOG2"], "sentAt": "2026-11-20T08:15:30Z", "somethingNew": 1}""";

    private static Vertx vertx;
    private EndpointFixture fixture;
    private final List<AutoCloseable> clients = new ArrayList<>();

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
        fixture = new EndpointFixture(vertx);
    }

    @AfterEach
    void stopEndpoint() throws Exception {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // already closed by the server
            }
        }
        fixture.close();
    }

    private MqttConnectOptions options(ProductId username, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(username.value());
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setMaxInflight(200);
        options.setConnectionTimeout(10);
        return options;
    }

    private MqttClient connected(ProductId productId, String secret) throws MqttException {
        MqttClient client = new MqttClient(fixture.uri(), productId.value(), new MemoryPersistence());
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
        });
        client.setTimeToWait(10_000);
        client.connect(options(productId, secret));
        return client;
    }

    private MqttAsyncClient connectedAsync(ProductId productId, String secret) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(fixture.uri(), productId.value(), new MemoryPersistence());
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
        });
        client.connect(options(productId, secret)).waitForCompletion(10_000);
        return client;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wrongSecretUnknownDeviceAndAClientIdOtherThanTheUserNameAreRefusedWithCode4() throws Exception {
        for (String[] attempt : new String[][] {
                {UPS.value(), UPS.value(), "wrong-secret-wrong-secret-wrong-secret"},
                {"ZZ0000000000", "ZZ0000000000", SECRET},
                {UPS.value(), OTHER.value(), OTHER_SECRET},
                {"not-a-pid", "not-a-pid", SECRET}}) {
            MqttClient client = new MqttClient(fixture.uri(), attempt[0], new MemoryPersistence());
            MqttConnectOptions options = options(new ProductId("AS2104123456"), attempt[2]);
            options.setUserName(attempt[1]);
            assertThatThrownBy(() -> client.connect(options)).as(String.join(" ", attempt))
                    .isInstanceOf(MqttException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
            client.close(true);
        }
        assertThat(fixture.endpoint.connectedDevices()).isZero();
    }

    @Test
    void aDeviceConnectsSendsItsBirthAndIsSeen() throws Exception {
        MqttClient client = connected(UPS, SECRET);

        client.publish("ups/" + UPS + "/birth", utf8(BIRTH), 1, false);
        client.publish("ups/" + UPS + "/connection", utf8("{\"state\":\"online\"}"), 1, false);

        var state = fixture.states.find(UPS).orElseThrow();
        assertThat(state.lastBirth().orElseThrow().outletGroups()).containsExactly("MAIN", "SOG1", "SOG2");
        assertThat(state.lastSeenAt()).contains(fixture.clock.instant());
        eventually("connected recorded", () -> fixture.states.find(UPS).orElseThrow().connected());
        assertThat(fixture.counters.rejected()).isZero();
    }

    @Test
    void aDeviceSubscribesToItsCommandsOnlyAnythingElseGets0x80() throws Exception {
        MqttClient client = connected(UPS, SECRET);

        assertThat(client.subscribeWithResponse("ups/" + UPS + "/commands", 1).getGrantedQos()).containsExactly(1);
        assertThat(client.subscribeWithResponse(new String[] {"ups/" + OTHER + "/commands", "ups/#", "ups/" + UPS + "/status"},
                new int[] {1, 1, 0}).getGrantedQos()).containsExactly(0x80, 0x80, 0x80);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void publishingOnAnotherDevicesTopicClosesTheConnection() throws Exception {
        MqttClient client = connected(UPS, SECRET);

        try {
            client.publish("ups/" + OTHER + "/events", utf8(EVENT.formatted("e-1")), 0, false);
        } catch (MqttException closedFirst) {
            // The server may close the connection before Paho reports the write of a QoS 0 message as done.
        }

        eventually("connection closed", () -> !client.isConnected());
        assertThat(fixture.events.eventsOf(OTHER)).isEmpty();
        eventually("disconnect recorded", () -> fixture.states.find(UPS).map(s -> !s.connected()).orElse(false));
    }

    @Test
    void oversizedAndMalformedPayloadsAreAcknowledgedCountedAndTheConnectionStaysOpen() throws Exception {
        MqttClient client = connected(UPS, SECRET);
        String tooLarge = "{\"eventId\":\"big\",\"type\":\"ON_BATTERY\",\"occurredAt\":\"2026-11-20T08:17:02Z\","
                + "\"details\":{\"x\":\"" + "a".repeat(17 * 1024) + "\"}}";

        client.publish("ups/" + UPS + "/events", utf8(tooLarge), 1, false);
        client.publish("ups/" + UPS + "/events", utf8("{not json"), 1, false);
        client.publish("ups/" + UPS + "/events", utf8("[1, 2]"), 1, false);
        client.publish("ups/" + UPS + "/events", new byte[] {(byte) 0xC3, (byte) 0x28}, 1, false);
        client.publish("ups/" + UPS + "/events", utf8("{\"eventId\": \"e-1\", \"type\": \"ON_BATTERY\"}"), 1, false);
        client.publish("ups/" + UPS + "/status", utf8("{\"sentAt\": \"2026-11-20T08:16:30Z\", \"status\": [\"OL\"],"
                + " \"batteryChargePercent\": 150}"), 1, false);
        client.publish("ups/" + UPS + "/events", utf8("{\"eventId\": \"e-2\", \"type\": \"COMMUNICATION_LOST\","
                + " \"occurredAt\": \"2026-11-20T08:17:02Z\"}"), 1, false);
        client.publish("ups/" + UPS + "/birth", utf8("{\"model\": \"M\", \"smartConnectEnabled\": \"yes\","
                + " \"sentAt\": \"2026-11-20T08:17:02Z\"}"), 1, false);
        client.publish("ups/" + UPS + "/nonsense", utf8("{}"), 1, false);

        assertThat(client.isConnected()).isTrue();
        assertThat(fixture.counters.rejected()).isEqualTo(9);
        assertThat(fixture.counters.rejectedByReason()).containsEntry("too-large", 1L).containsEntry("malformed-json", 3L)
                .containsEntry("missing-field", 1L).containsEntry("invalid-value", 2L).containsEntry("unknown-topic", 1L)
                .containsEntry("refused-by-domain", 1L);
        client.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("e-3")), 1, false);
        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId).containsExactly("e-3");
    }

    @Test
    void messagesOverTheLargestPacketAreReadAcknowledgedCountedAndTheConnectionStaysOpen() throws Exception {
        MqttClient client = connected(UPS, SECRET);

        client.publish("ups/" + UPS + "/events", new byte[256 * 1024 + 1], 1, false);
        client.publish("ups/" + UPS + "/status", new byte[4 * 1024 * 1024], 2, false);
        client.publish("ups/" + UPS + "/events", new byte[1024 * 1024], 0, false);
        client.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("after")), 1, false);

        assertThat(client.isConnected()).isTrue();
        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId).containsExactly("after");
        assertThat(fixture.counters.rejectedByReason()).containsExactly(java.util.Map.entry("too-large", 3L));
    }

    @Test
    void aRepeatedEventIdIsStoredOnceAndAnUnknownTypeIsCounted() throws Exception {
        MqttClient client = connected(UPS, SECRET);

        client.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70")), 1, false);
        client.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70")), 1, false);
        client.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("e-2").replace("ON_BATTERY", "FAN_FAILED")), 1, false);

        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId)
                .containsExactly("0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70", "e-2");
        assertThat(fixture.events.eventsOf(UPS).get(0).detailsJson()).contains("\"batteryChargePercent\":95");
        assertThat(fixture.counters.unknownEventTypes()).isEqualTo(1);
    }

    @Test
    void aSecondConnectionOfTheSameDeviceClosesTheFirst() throws Exception {
        MqttClient first = connected(UPS, SECRET);
        MqttClient second = connected(UPS, SECRET);

        eventually("first connection closed", () -> !first.isConnected());
        assertThat(second.isConnected()).isTrue();
        second.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("after-take-over")), 1, false);
        assertThat(fixture.endpoint.connectedDevices()).isEqualTo(1);
        Thread.sleep(200);
        assertThat(fixture.states.find(UPS).orElseThrow().connected()).as("the take-over is no disconnect").isTrue();
    }

    @Test
    void aMessageIsAcknowledgedOnlyAfterItsCommit() throws Exception {
        MqttAsyncClient client = connectedAsync(UPS, SECRET);
        fixture.ingest.hold();

        IMqttDeliveryToken delivery = client.publish("ups/" + UPS + "/events", new MqttMessage(utf8(EVENT.formatted("e-1"))));
        Thread.sleep(300);
        assertThat(delivery.isComplete()).as("acknowledged before the commit").isFalse();
        assertThat(fixture.events.eventsOf(UPS)).isEmpty();

        fixture.ingest.release();
        delivery.waitForCompletion(5_000);
        assertThat(fixture.events.eventsOf(UPS)).hasSize(1);
    }

    @Test
    void aFailedCommitAcknowledgesNothingAndTheDeviceCanSendAgain() throws Exception {
        MqttAsyncClient client = connectedAsync(UPS, SECRET);
        fixture.ingest.failNext();

        IMqttDeliveryToken delivery = client.publish("ups/" + UPS + "/events", new MqttMessage(utf8(EVENT.formatted("e-1"))));

        eventually("connection closed", () -> !client.isConnected());
        assertThat(delivery.isComplete() && delivery.getException() == null).as("acknowledged").isFalse();
        MqttClient again = connected(UPS, SECRET);
        again.publish("ups/" + UPS + "/events", utf8(EVENT.formatted("e-1")), 1, false);
        assertThat(fixture.events.eventsOf(UPS)).hasSize(1);
    }

    @Test
    void messagesOfManyConnectionsArrivingTogetherShareTransactions() throws Exception {
        List<MqttAsyncClient> devices = List.of(connectedAsync(UPS, SECRET), connectedAsync(OTHER, OTHER_SECRET));
        fixture.ingest.hold();
        int before = fixture.transactions.committed();
        List<IMqttDeliveryToken> deliveries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            for (MqttAsyncClient device : devices) {
                String pid = device.getClientId();
                deliveries.add(device.publish("ups/" + pid + "/events", new MqttMessage(utf8(EVENT.formatted(pid + "-" + i)))));
            }
        }
        Thread.sleep(200);

        fixture.ingest.release();
        for (IMqttDeliveryToken delivery : deliveries) {
            delivery.waitForCompletion(10_000);
        }

        int transactions = fixture.transactions.committed() - before;
        assertThat(fixture.events.size()).isEqualTo(50);
        assertThat(transactions).as("transactions for 50 messages").isLessThanOrEqualTo(5);
    }

    @Test
    void readingStopsAtTheBoundOfUnacknowledgedMessagesAndResumesAfterTheCommit() throws Exception {
        fixture.close();
        fixture = new EndpointFixture(vertx, DeviceEndpointSettings.of("127.0.0.1", 0).withBounds(5, 1000));
        MqttAsyncClient client = connectedAsync(UPS, SECRET);
        fixture.ingest.hold();

        List<IMqttDeliveryToken> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deliveries.add(client.publish("ups/" + UPS + "/events", new MqttMessage(utf8(EVENT.formatted("e-" + i)))));
        }
        eventually("5 messages held", () -> fixture.endpoint.unacknowledged() == 5);
        Thread.sleep(300);
        assertThat(fixture.endpoint.unacknowledged()).as("no more read while the bound is reached").isEqualTo(5);

        fixture.ingest.release();
        for (IMqttDeliveryToken delivery : deliveries) {
            delivery.waitForCompletion(10_000);
        }
        assertThat(fixture.events.size()).isEqualTo(40);
        assertThat(fixture.endpoint.unacknowledged()).isZero();
    }

    @Test
    void theBoundInTotalHoldsBackEveryConnection() throws Exception {
        fixture.close();
        fixture = new EndpointFixture(vertx, DeviceEndpointSettings.of("127.0.0.1", 0).withBounds(100, 6));
        List<MqttAsyncClient> devices = List.of(connectedAsync(UPS, SECRET), connectedAsync(OTHER, OTHER_SECRET));
        fixture.ingest.hold();

        List<IMqttDeliveryToken> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (MqttAsyncClient device : devices) {
                String pid = device.getClientId();
                deliveries.add(device.publish("ups/" + pid + "/events", new MqttMessage(utf8(EVENT.formatted(pid + i)))));
            }
        }
        Thread.sleep(500);
        assertThat(fixture.endpoint.unacknowledged()).isBetween(6, 7);

        fixture.ingest.release();
        for (IMqttDeliveryToken delivery : deliveries) {
            delivery.waitForCompletion(10_000);
        }
        assertThat(fixture.events.size()).isEqualTo(40);
    }

    @Test
    void theEndpointMarksItsConnectedDevicesSeenSoTheyAreNotReportedLost() throws Exception {
        fixture.close();
        fixture = new EndpointFixture(vertx, DeviceEndpointSettings.of("127.0.0.1", 0)
                .withStillConnectedInterval(Duration.ofMillis(50)));
        connected(UPS, SECRET);
        eventually("connected", () -> fixture.states.find(UPS).map(s -> s.connected()).orElse(false));

        fixture.clock.advance(Duration.ofHours(1));

        eventually("seen again", () -> fixture.states.find(UPS).flatMap(s -> s.lastSeenAt())
                .filter(fixture.clock.instant()::equals).isPresent());
        assertThat(fixture.connections.reportLostCommunication()).isZero();
    }

    @Test
    void aDeviceGoneLongerThanTheGracePeriodIsReportedLostThenRestored() throws Exception {
        fixture.clock.advance(Duration.ofMinutes(10)); // the instance past the wait after its start
        MqttClient client = connected(UPS, SECRET);
        eventually("connected", () -> fixture.states.find(UPS).map(s -> s.connected()).orElse(false));
        client.disconnect();
        eventually("disconnected", () -> fixture.states.find(UPS).map(s -> !s.connected()).orElse(false));

        fixture.clock.advance(Duration.ofMinutes(9));
        assertThat(fixture.connections.reportLostCommunication()).isZero();
        fixture.clock.advance(Duration.ofMinutes(2));
        assertThat(fixture.connections.reportLostCommunication()).isEqualTo(1);

        connected(UPS, SECRET);
        eventually("restored", () -> fixture.events.eventsOf(UPS).size() == 2);
        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::type)
                .containsExactly("COMMUNICATION_LOST", "COMMUNICATION_RESTORED");
    }
}
