package com.smartconnect.adapters.mqtt;

import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.ProductId;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttTopicSubscription;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.MqttSubscribeMessage;
import io.vertx.mqtt.messages.MqttUnsubscribeMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttSubAckReasonCode;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One authenticated device connection. Everything here runs on the connection's own Vert.x context (the event loop
 * the connection came in on); the group commit's answers are brought back onto it. Acknowledgements go out in the
 * order the messages came in, as MQTT requires, each only once its message is stored (or rejected for good).
 */
final class DeviceConnection {

    private static final System.Logger LOG = System.getLogger(DeviceConnection.class.getName());
    private static final int MQTT_5 = 5;

    /** A QoS 1 or 2 message waiting for its acknowledgement. */
    private static final class Slot {
        final int messageId;
        final MqttQoS qos;
        boolean done;

        Slot(int messageId, MqttQoS qos) {
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    private final DeviceEndpoint owner;
    private final ProductId productId;
    private final MqttEndpoint endpoint;
    private final Context context;
    private final GroupCommit groupCommit;
    private final DeviceMessageCounters counters;
    private final BackPressure.Connection backPressure;
    private final String topicPrefix;
    private final String commandTopic;
    private final Deque<Slot> unacknowledged = new ArrayDeque<>();
    /** The QoS the device subscribed to its commands with; empty while it is not subscribed. */
    private volatile Optional<MqttQoS> commandQos = Optional.empty();
    /** Commands published and not yet acknowledged, by MQTT message id. */
    private final Map<Integer, DeviceCommand> inFlight = new HashMap<>();
    private final ConnectionWarnings warnings;

    /**
     * {@code owner} is the endpoint that delivers the device's commands; {@code backPressure} is the endpoint's, of
     * which this connection takes its share.
     */
    DeviceConnection(DeviceEndpoint owner, ProductId productId, MqttEndpoint endpoint, Context context,
            GroupCommit groupCommit, DeviceMessageCounters counters, BackPressure backPressure) {
        this.owner = owner;
        this.productId = productId;
        this.endpoint = endpoint;
        this.context = context;
        this.groupCommit = groupCommit;
        this.counters = counters;
        this.backPressure = backPressure.connection(new BackPressure.Reading() {
            @Override
            public void pause() {
                SocketReading.pause(endpoint);
            }

            @Override
            public void resume() {
                SocketReading.resume(endpoint);
            }

            @Override
            public void runOnContext(Runnable action) {
                context.runOnContext(v -> action.run());
            }
        });
        this.topicPrefix = "ups/" + productId.value() + "/";
        this.commandTopic = topicPrefix + "commands";
        this.warnings = new ConnectionWarnings(LOG, productId);
    }

    ProductId productId() {
        return productId;
    }

    void onPublish(MqttPublishMessage message) {
        String topic = message.topicName();
        if (message.properties() != null && message.properties().getProperty(MqttProperties.TOPIC_ALIAS) != null) {
            // The CONNACK offers no topic aliases (Topic Alias Maximum absent, so 0): a PUBLISH with one is a protocol
            // error the specification answers with DISCONNECT 0x94 (Topic Alias invalid). Unanswered, the client
            // would wait for its PUBACK for ever.
            warnings.warn("{0} published with a topic alias, which the endpoint does not offer: disconnected with 0x94",
                    productId);
            endpoint.disconnect(MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID, MqttProperties.NO_PROPERTIES);
            return;
        }
        OptionalInt oversized = OversizedPublishes.oversized(message.properties());
        if (oversized.isPresent() && endpoint.protocolVersion() == MQTT_5) {
            // The CONNACK announced the largest packet and an MQTT 5 client must not send a larger one: one that does
            // gets what the specification prescribes, DISCONNECT 0x95 (Packet too large).
            counters.rejected(RejectedPayload.TOO_LARGE);
            warnings.warn("{0} published a packet of {1} bytes on {2}, over the {3} announced: disconnected with 0x95",
                    productId, Integer.toString(oversized.getAsInt()), LogText.of(topic),
                    Integer.toString(DeviceEndpoint.MAX_PACKET_BYTES));
            endpoint.disconnect(MqttDisconnectReasonCode.PACKET_TOO_LARGE, MqttProperties.NO_PROPERTIES);
            return;
        }
        if (topic == null || !topic.startsWith(topicPrefix) || topic.length() == topicPrefix.length()) {
            warnings.warn("{0} published on {1}, outside its topic space: connection closed", productId,
                    LogText.of(topic));
            // MQTT 5 tells the client why (0x87 Not authorized) before closing; MQTT 3.1.1 only closes.
            endpoint.disconnect(MqttDisconnectReasonCode.NOT_AUTHORIZED, MqttProperties.NO_PROPERTIES);
            return;
        }
        Slot slot = message.qosLevel() == MqttQoS.AT_MOST_ONCE ? null : new Slot(message.messageId(), message.qosLevel());
        if (slot != null) {
            unacknowledged.add(slot);
        }
        DeviceMessage parsed;
        try {
            if (oversized.isPresent()) {
                // MQTT 3.1.1 has no way to refuse a message nor to announce a size: like any payload that can never
                // be stored, it is acknowledged (else the device sends it again for ever), counted and logged.
                throw new RejectedPayload(RejectedPayload.TOO_LARGE, "packet of " + oversized.getAsInt()
                        + " bytes, more than the " + DeviceEndpoint.MAX_PACKET_BYTES + " read");
            }
            parsed = DevicePayloads.read(topic.substring(topicPrefix.length()), message.payload());
        } catch (RejectedPayload rejected) {
            counters.rejected(rejected.reason());
            warnings.warn("Rejected a message of {0} on {1} ({2}): {3}", productId, LogText.of(topic),
                    rejected.reason(), LogText.of(rejected.getMessage()));
            done(slot);
            return;
        }
        backPressure.entered();
        groupCommit.submit(new IncomingDeviceMessage(productId, parsed), new GroupCommit.Completion() {
            @Override
            public void stored(IngestOutcome outcome) {
                context.runOnContext(v -> committed(slot, true));
            }

            @Override
            public void failed(Throwable failure) {
                context.runOnContext(v -> committed(slot, false));
            }
        });
    }

    private void committed(Slot slot, boolean stored) {
        backPressure.left();
        if (stored) {
            done(slot);
        } else if (endpoint.isConnected()) {
            // Nothing of the batch was stored: no acknowledgement; the device sends it again when it reconnects.
            LOG.log(Level.WARNING, "Closing the connection of {0}: a message could not be stored", productId);
            endpoint.close();
        }
        backPressure.resumeIfRoom();
    }

    private void done(Slot slot) {
        if (slot == null) {
            return;
        }
        slot.done = true;
        while (!unacknowledged.isEmpty() && unacknowledged.peek().done) {
            Slot next = unacknowledged.poll();
            if (!endpoint.isConnected()) {
                continue;
            }
            if (next.qos == MqttQoS.EXACTLY_ONCE) {
                endpoint.publishReceived(next.messageId);
            } else {
                endpoint.publishAcknowledge(next.messageId);
            }
        }
    }

    void runOnContext(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    void onSubscribe(MqttSubscribeMessage subscribe) {
        List<MqttSubAckReasonCode> codes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        boolean toCommands = false;
        for (MqttTopicSubscription subscription : subscribe.topicSubscriptions()) {
            if (commandTopic.equals(subscription.topicName())) {
                boolean qos0 = subscription.qualityOfService() == MqttQoS.AT_MOST_ONCE;
                codes.add(qos0 ? MqttSubAckReasonCode.GRANTED_QOS0 : MqttSubAckReasonCode.GRANTED_QOS1);
                commandQos = Optional.of(qos0 ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE);
                toCommands = true;
            } else {
                refused.add(subscription.topicName());
                // MQTT 3.1.1 has the one failure code 0x80; MQTT 5 says why, 0x87 Not authorized.
                codes.add(endpoint.protocolVersion() == MQTT_5 ? MqttSubAckReasonCode.NOT_AUTHORIZED
                        : MqttSubAckReasonCode.UNSPECIFIED_ERROR);
            }
        }
        if (!refused.isEmpty()) {
            // One line for the SUBSCRIBE, however many filters it refuses.
            warnings.warn("{0} may not subscribe to {1} filter(s): {2}", productId, Integer.toString(refused.size()),
                    refused.stream().limit(3).map(LogText::of).collect(Collectors.joining(", "))
                            + (refused.size() > 3 ? ", ..." : ""));
        }
        endpoint.subscribeAcknowledge(subscribe.messageId(), codes, MqttProperties.NO_PROPERTIES);
        if (toCommands) {
            // Commands that waited for the device go out now, not at the next poll.
            owner.dispatchCommandsOf(productId);
        }
    }

    void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        if (unsubscribe.topics().contains(commandTopic)) {
            commandQos = Optional.empty();
        }
        endpoint.unsubscribeAcknowledge(unsubscribe.messageId());
    }

    /** Whether the device listens to its commands on this connection. */
    boolean subscribedToCommands() {
        return commandQos.isPresent() && endpoint.isConnected();
    }

    /** Publishes a command on {@code ups/{pid}/commands}; runs on this connection's context. */
    void publish(DeviceCommand command) {
        Optional<MqttQoS> qos = commandQos;
        if (qos.isEmpty() || !endpoint.isConnected() || inFlight.containsValue(command)) {
            return;
        }
        Buffer payload = DevicePayloads.command(command);
        endpoint.publish(commandTopic, payload, qos.get(), false, false).onComplete(sent -> {
            if (sent.failed()) {
                LOG.log(Level.DEBUG, "Could not publish command " + command.commandId() + " to " + productId,
                        sent.cause());
            } else if (qos.get() == MqttQoS.AT_MOST_ONCE) {
                owner.delivered(command);
            } else {
                inFlight.put(sent.result(), command);
            }
        });
    }

    /** The device acknowledged a QoS 1 publish of the server: the command it carried is delivered. */
    void onPublishAcknowledged(Integer messageId) {
        DeviceCommand command = inFlight.remove(messageId);
        if (command != null) {
            owner.delivered(command);
        }
    }

    /** The connection closed: what was counted and not logged is logged now. */
    void closed() {
        backPressure.closed();
        warnings.summarise();
    }

    /** Another connection of the same device took over: this one is closed (MQTT session take-over). */
    void takenOver() {
        context.runOnContext(v -> {
            LOG.log(Level.INFO, "{0} connected again: closing its older connection", productId);
            if (endpoint.isConnected()) {
                endpoint.close();
            }
        });
    }
}
