package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of oversized PUBLISH packets, before Netty's MQTT decoder, however the bytes arrive. */
class OversizedPublishesTest {

    private static final int LIMIT = 64;

    @Test
    void anOversizedPublishBetweenOrdinaryPacketsComesOutWithoutItsPayloadWhereverTheReadsSplit() {
        byte[] stream = concat(publish("ups/a/status", 1, 7, 10), publish("ups/a/events", 1, 8, 300),
                publish("ups/a/events", 0, 0, LIMIT - 20), publish("ups/a/events", 2, 9, 20_000),
                new byte[] {(byte) 0xC0, 0}); // PINGREQ
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, stream.length}) {
            EmbeddedChannel channel = new EmbeddedChannel(new OversizedPublishes(LIMIT), new MqttDecoder(LIMIT));
            for (int at = 0; at < stream.length; at += chunk) {
                channel.writeInbound(Unpooled.wrappedBuffer(stream, at, Math.min(chunk, stream.length - at)));
            }
            List<MqttMessage> read = new ArrayList<>();
            for (Object message; (message = channel.readInbound()) != null;) {
                read.add((MqttMessage) message);
            }

            assertThat(read).as("read in chunks of %d", chunk).hasSize(5)
                    .allSatisfy(message -> assertThat(message.decoderResult().isSuccess()).isTrue());
            MqttPublishMessage small = (MqttPublishMessage) read.get(0);
            assertThat(small.payload().readableBytes()).isEqualTo(10);
            assertThat(OversizedPublishes.oversized(small.variableHeader().properties())).isEmpty();
            MqttPublishMessage big = (MqttPublishMessage) read.get(1);
            assertThat(big.variableHeader().topicName()).isEqualTo("ups/a/events");
            assertThat(big.variableHeader().packetId()).isEqualTo(8);
            assertThat(big.payload().readableBytes()).isZero();
            assertThat(OversizedPublishes.oversized(big.variableHeader().properties())).hasValue(2 + 12 + 2 + 300);
            assertThat(((MqttPublishMessage) read.get(2)).payload().readableBytes()).isEqualTo(LIMIT - 20);
            MqttPublishMessage bigger = (MqttPublishMessage) read.get(3);
            assertThat(bigger.variableHeader().packetId()).isEqualTo(9);
            assertThat(bigger.fixedHeader().qosLevel().value()).isEqualTo(2);
            assertThat(read.get(4).fixedHeader().messageType().name()).isEqualTo("PINGREQ");
            read.forEach(io.netty.util.ReferenceCountUtil::release);
            channel.finishAndReleaseAll();
        }
    }

    /** An MQTT 3.1.1 PUBLISH. */
    private static byte[] publish(String topic, int qos, int packetId, int payloadBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        body.write(name.length >> 8);
        body.write(name.length);
        body.writeBytes(name);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId);
        }
        body.writeBytes(new byte[payloadBytes]);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x30 | qos << 1);
        int length = body.size();
        do {
            int b = length & 0x7F;
            length >>>= 7;
            packet.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
