package com.smartconnect.adapters.mqtt;

import static com.smartconnect.adapters.mqtt.EndpointFixture.OTHER;
import static com.smartconnect.adapters.mqtt.EndpointFixture.OTHER_SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.SECRET;
import static com.smartconnect.adapters.mqtt.EndpointFixture.UPS;
import static com.smartconnect.adapters.mqtt.EndpointFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.device.DeviceEvent;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device endpoint against Eclipse Paho's MQTT 5 client. */
class DeviceEndpointMqtt5Test {

    private static Vertx vertx;
    private EndpointFixture fixture;
    private MqttClient client;

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
        if (client != null) {
            if (client.isConnected()) {
                client.disconnectForcibly(100, 100);
            }
            client.close(true);
        }
        fixture.close();
    }

    private MqttClient connect(String clientId, String username, String password) throws MqttException {
        client = new MqttClient(fixture.uri(), clientId, new MemoryPersistence());
        client.setTimeToWait(10_000);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    @Test
    void badCredentialsAreRefusedWith0x86() throws Exception {
        assertThatThrownBy(() -> connect(UPS.value(), UPS.value(), "wrong-secret-wrong-secret-wrong-secret"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode()).isEqualTo(0x86);
        client.close(true);
        client = null;
        assertThatThrownBy(() -> connect("ZZ0000000000", "ZZ0000000000", SECRET))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode()).isEqualTo(0x86);
        client.close(true);
        client = null;
    }

    @Test
    void aDevicePublishesAnEventAndItIsStoredOnce() throws Exception {
        connect(UPS.value(), UPS.value(), SECRET);

        for (int i = 0; i < 2; i++) {
            client.publish("ups/" + UPS + "/events",
                    DeviceEndpointTest.utf8(DeviceEndpointTest.EVENT.formatted("e-1")), 1, false);
        }

        assertThat(fixture.events.eventsOf(UPS)).extracting(DeviceEvent::eventId).containsExactly("e-1");
    }

    @Test
    void subscribingOutsideItsCommandsGets0x87NotAuthorized() throws Exception {
        connect(UPS.value(), UPS.value(), SECRET);

        IMqttToken own = client.subscribe(new MqttSubscription[] {new MqttSubscription("ups/" + UPS + "/commands", 1)});
        assertThat(own.getReasonCodes()).containsExactly(1);
        int[] codes;
        try {
            codes = client.subscribe(new MqttSubscription[] {new MqttSubscription("ups/" + OTHER + "/commands", 1)})
                    .getReasonCodes();
        } catch (MqttException refused) {
            codes = new int[] {refused.getReasonCode()};
        }
        assertThat(codes).containsExactly(0x87);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void publishingOutsideItsTopicSpaceClosesTheConnection() throws Exception {
        connect(UPS.value(), UPS.value(), SECRET);

        client.publish("devices/" + UPS + "/events", DeviceEndpointTest.utf8("{}"), 0, false);

        eventually("connection closed", () -> !client.isConnected());
    }

    @Test
    void anOversizedPayloadIsAcknowledgedAndCounted() throws Exception {
        connect(UPS.value(), UPS.value(), SECRET);

        client.publish("ups/" + UPS + "/status", new byte[16 * 1024 + 1], 1, false);

        assertThat(fixture.counters.rejectedFor("too-large")).isEqualTo(1);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void theConnackAnnouncesTheLargestPacketAndALargerOneIsRefusedWithDisconnect0x95() throws Exception {
        client = new MqttClient(fixture.uri(), UPS.value(), new MemoryPersistence());
        client.setTimeToWait(10_000);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(UPS.value());
        options.setPassword(SECRET.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(false);
        assertThat(client.connectWithResult(options).getResponseProperties().getMaximumPacketSize())
                .isEqualTo(256L * 1024);

        try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, OTHER.value(), OTHER.value(), OTHER_SECRET)) {
            raw.publish("ups/" + OTHER + "/events", 1, 1, new byte[0], new byte[1024 * 1024]);

            RawMqtt5Client.Packet answer = raw.read().orElseThrow();
            assertThat(answer.type()).isEqualTo(RawMqtt5Client.DISCONNECT);
            assertThat(answer.body()[0] & 0xFF).isEqualTo(0x95);
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(fixture.counters.rejectedFor("too-large")).isEqualTo(1);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aPublishWithATopicAliasIsRefusedWithDisconnect0x94AsTheConnackOffersNone() throws Exception {
        for (String topic : new String[] {"ups/" + UPS + "/events", ""}) {
            try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, UPS.value(), UPS.value(), SECRET)) {
                raw.publish(topic, 1, 1, RawMqtt5Client.topicAlias(1),
                        DeviceEndpointTest.utf8(DeviceEndpointTest.EVENT.formatted("aliased")));

                RawMqtt5Client.Packet answer = raw.read().orElseThrow();
                assertThat(answer.type()).as("topic %s", topic).isEqualTo(RawMqtt5Client.DISCONNECT);
                assertThat(answer.body()[0] & 0xFF).isEqualTo(0x94);
                assertThat(raw.closedByServer()).isTrue();
            }
        }
        assertThat(fixture.events.eventsOf(UPS)).isEmpty();
    }

    @Test
    void publishingOutsideItsTopicSpaceGetsDisconnect0x87() throws Exception {
        try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, UPS.value(), UPS.value(), SECRET)) {
            raw.publish("ups/" + OTHER + "/events", 1, 1, new byte[0],
                    DeviceEndpointTest.utf8(DeviceEndpointTest.EVENT.formatted("e-1")));

            RawMqtt5Client.Packet answer = raw.read().orElseThrow();
            assertThat(answer.type()).isEqualTo(RawMqtt5Client.DISCONNECT);
            assertThat(answer.body()[0] & 0xFF).isEqualTo(0x87);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aSubscribeOfManyFiltersGetsOneCodeEachOnlyItsCommandsGranted() throws Exception {
        try (RawMqtt5Client raw = RawMqtt5Client.connect(fixture.port, UPS.value(), UPS.value(), SECRET)) {
            raw.subscribe(7, "ups/" + OTHER + "/commands", "ups/" + UPS + "/commands", "#");

            RawMqtt5Client.Packet suback = raw.read().orElseThrow();
            assertThat(suback.type()).isEqualTo(RawMqtt5Client.SUBACK);
            byte[] body = suback.body();
            assertThat(new int[] {body[0], body[1], body[2]}).as("packet id, no properties").containsExactly(0, 7, 0);
            assertThat(java.util.Arrays.copyOfRange(body, 3, body.length)).containsExactly(0x87, 0x01, 0x87);
        }
    }
}
