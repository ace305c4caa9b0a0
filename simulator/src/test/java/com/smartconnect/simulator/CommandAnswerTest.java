package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A simulated device answers a command: a small broker (Vert.x MQTT) sends it {@code REBOOT_OUTLET_GROUP} on its
 * command topic as soon as it subscribes, and gets an {@code OK} ack with the command's id on its acks topic. Our
 * endpoint sends no commands yet (the command outbox is a later step), hence this broker of its own.
 */
class CommandAnswerTest {

    @Test
    void aDeviceAnswersACommandWithAnOkAckAndLeavesAWill() throws Exception {
        Vertx vertx = Vertx.vertx();
        DeviceIdentity device = DeviceIdentity.of(7, 0);
        CompletableFuture<String> ack = new CompletableFuture<>();
        List<String> wills = new CopyOnWriteArrayList<>();
        List<String> topics = new CopyOnWriteArrayList<>();
        MqttServer server = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0));
        server.endpointHandler(endpoint -> {
            if (endpoint.will() != null && endpoint.will().isWillFlag()) {
                wills.add(endpoint.will().getWillTopic() + " "
                        + new String(endpoint.will().getWillMessageBytes(), StandardCharsets.UTF_8));
            }
            boolean credentials = endpoint.clientIdentifier().equals(device.productId())
                    && endpoint.auth().getUsername().equals(device.productId())
                    && endpoint.auth().getPassword().equals(device.deviceSecret());
            if (!credentials) {
                endpoint.reject(io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
                return;
            }
            endpoint.publishHandler(message -> {
                topics.add(message.topicName());
                if (message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
                    endpoint.publishAcknowledge(message.messageId());
                }
                if (message.topicName().equals("ups/" + device.productId() + "/acks")) {
                    ack.complete(message.payload().toString(StandardCharsets.UTF_8));
                }
            });
            endpoint.subscribeHandler(subscribe -> {
                endpoint.subscribeAcknowledge(subscribe.messageId(), List.of(MqttQoS.AT_LEAST_ONCE));
                endpoint.publish("ups/" + device.productId() + "/commands", Buffer.buffer("""
                        {"commandId": "cmd-0193a8d3", "type": "REBOOT_OUTLET_GROUP", "outletGroup": "SOG1",
                         "issuedAt": "2026-11-20T08:15:30Z"}"""), MqttQoS.AT_LEAST_ONCE, false, false);
            });
            endpoint.accept(false);
        });
        int port = server.listen().await().actualPort();
        try (Fleet fleet = new Fleet(FleetSettings.of("127.0.0.1", port, 1).withSeed(7))) {
            assertThat(fleet.connect(Duration.ofSeconds(10))).isEqualTo(1);
            String answer = ack.get(10, TimeUnit.SECONDS);
            assertThat(answer).contains("\"commandId\":\"cmd-0193a8d3\"").contains("\"result\":\"OK\"")
                    .contains("\"sentAt\":");
            assertThat(fleet.statistics().commandsReceived()).isEqualTo(1);
            assertThat(topics).startsWith("ups/" + device.productId() + "/connection",
                    "ups/" + device.productId() + "/birth");
            assertThat(wills).containsExactly("ups/" + device.productId() + "/connection {\"state\":\"offline\"}");
        } finally {
            server.close().await();
            vertx.close().await();
        }
    }
}
