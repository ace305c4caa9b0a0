package com.smartconnect.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One simulated SmartConnect UPS over MQTT 3.1.1 (Eclipse Paho's asynchronous client), as device-protocol.md says:
 * client id = user name = Product ID, password = device secret, last will {@code {"state":"offline"}} on
 * {@code ups/{pid}/connection}; after connecting it subscribes to its commands, says it is online and sends its birth
 * (QoS 1); then its status periodically and events when asked (QoS 1, each with a new {@code eventId}); it answers
 * every command with an {@code OK} ack on {@code ups/{pid}/acks}.
 */
public final class SimulatedDevice {

    /** Paho's window of unacknowledged QoS 1 messages; a few stay free for status, births and acks. */
    static final int MAX_IN_FLIGHT = 128;
    public static final int MAX_EVENTS_IN_FLIGHT = MAX_IN_FLIGHT - 8;
    public static final List<String> EVENT_TYPES = List.of("ON_BATTERY", "POWER_RESTORED", "BATTERY_LOW",
            "BATTERY_DISCHARGED", "REPLACE_BATTERY", "SELF_TEST_PASSED", "SELF_TEST_FAILED", "OVERLOAD",
            "OVERLOAD_CLEARED", "OVER_TEMPERATURE", "INPUT_VOLTAGE_OUT_OF_RANGE", "OUTPUT_OFF", "BATTERY_DISCONNECTED",
            "OUTLET_GROUP_REBOOTED", "FIRMWARE_UPDATED");
    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COMMAND_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Z_]*)\"");

    private final DeviceIdentity identity;
    private final FleetSettings settings;
    private final FleetStatistics statistics;
    private final ScheduledExecutorService timers;
    private final MqttAsyncClient client;
    private final String topicPrefix;
    /** Event ids: a random prefix per device and run, then a counter, in the form of a UUID. */
    private final String eventIdPrefix;
    private final AtomicLong eventCounter = new AtomicLong();
    private final AtomicLong statusSeq = new AtomicLong();
    private final AtomicInteger eventsInFlight = new AtomicInteger();
    private volatile ScheduledFuture<?> statusTimer;

    SimulatedDevice(DeviceIdentity identity, FleetSettings settings, FleetStatistics statistics,
            ScheduledExecutorService timers, ClientThreads threads, SocketFactory socketFactory) throws MqttException {
        this.identity = identity;
        this.settings = settings;
        this.statistics = statistics;
        this.timers = timers;
        this.client = new MqttAsyncClient(settings.serverUri(), identity.productId(), new MemoryPersistence(),
                new ScheduledExecutorPingSender(timers), threads);
        this.topicPrefix = "ups/" + identity.productId() + "/";
        this.eventIdPrefix = UUID.randomUUID().toString().substring(0, 24);
        this.options = options(socketFactory);
        client.setCallback(new Callback());
    }

    private final MqttConnectOptions options;

    private MqttConnectOptions options(SocketFactory socketFactory) {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setUserName(identity.productId());
        connect.setPassword(identity.deviceSecret().toCharArray());
        connect.setCleanSession(true);
        connect.setAutomaticReconnect(false);
        connect.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        connect.setConnectionTimeout(60);
        connect.setMaxInflight(MAX_IN_FLIGHT);
        connect.setWill(topicPrefix + "connection", bytes("{\"state\":\"offline\"}"), 1, false);
        if (socketFactory != null) {
            connect.setSocketFactory(socketFactory);
        }
        return connect;
    }

    public DeviceIdentity identity() {
        return identity;
    }

    /**
     * Connects, subscribes to the commands, says it is online and sends its birth; completes when the birth is
     * acknowledged, then sends its status periodically.
     */
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> born = new CompletableFuture<>();
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    try {
                        client.subscribe(topicPrefix + "commands", 1);
                        client.publish(topicPrefix + "connection", bytes("{\"state\":\"online\"}"), 1, false);
                        client.publish(topicPrefix + "birth", bytes(birth()), 1, false, null, completing(born));
                    } catch (MqttException e) {
                        born.completeExceptionally(e);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    born.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            born.completeExceptionally(e);
        }
        return born.thenRun(this::startStatus);
    }

    private void startStatus() {
        long period = settings.statusInterval().toMillis();
        statusTimer = timers.scheduleAtFixedRate(this::sendStatus, ThreadLocalRandom.current().nextLong(period),
                period, TimeUnit.MILLISECONDS);
    }

    /** Whether the device can send another event now without passing its window of unacknowledged events. */
    public boolean canSendEvent() {
        return client.isConnected() && eventsInFlight.get() < settings.eventsInFlightPerDevice();
    }

    /**
     * Sends one event (QoS 1) unless its window is full; its publish-to-acknowledgement time goes to the fleet's
     * statistics, and {@code then} runs when it is acknowledged (also on failure).
     */
    public boolean sendEvent(Runnable then) {
        return sendInWindow("events", event(), then);
    }

    /**
     * Sends one status (QoS 1) in the window of events, as {@link #sendEvent} does: for a closed loop of statuses, whose
     * acknowledgements the fleet's statistics count as it counts those of events.
     */
    public boolean sendStatus(Runnable then) {
        return sendInWindow("status", status(), then);
    }

    private boolean sendInWindow(String kind, String payload, Runnable then) {
        if (eventsInFlight.incrementAndGet() > settings.eventsInFlightPerDevice()) {
            eventsInFlight.decrementAndGet();
            return false;
        }
        long started = System.nanoTime();
        try {
            client.publish(topicPrefix + kind, bytes(payload), 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    eventsInFlight.decrementAndGet();
                    statistics.eventAcknowledged(System.nanoTime() - started);
                    then.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    eventsInFlight.decrementAndGet();
                    statistics.failed();
                    then.run();
                }
            });
            if (kind.equals("status")) {
                statistics.statusSent();
            }
            statistics.eventSent();
            return true;
        } catch (MqttException | RuntimeException e) {
            eventsInFlight.decrementAndGet();
            statistics.failed();
            return false;
        }
    }

    private void sendStatus() {
        if (!client.isConnected()) {
            return;
        }
        try {
            client.publish(topicPrefix + "status", bytes(status()), 1, false);
            statistics.statusSent();
        } catch (MqttException | RuntimeException e) {
            statistics.failed();
        }
    }

    private void answer(String command) {
        Matcher id = COMMAND_ID.matcher(command);
        if (!id.find()) {
            return;
        }
        Matcher type = COMMAND_TYPE.matcher(command);
        String what = type.find() ? type.group(1) : "command";
        String ack = "{\"commandId\":\"" + id.group(1) + "\",\"result\":\"OK\",\"message\":\"" + what
                + " done by the simulator\",\"sentAt\":\"" + now() + "\"}";
        sendAck(ack, 0);
    }

    private void sendAck(String ack, int attempt) {
        try {
            client.publish(topicPrefix + "acks", bytes(ack), 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    statistics.commandAnswered();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    statistics.failed();
                }
            });
        } catch (MqttException e) {
            // the window is full: try again shortly, as a device would
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT && attempt < 100) {
                timers.schedule(() -> sendAck(ack, attempt + 1), 10, TimeUnit.MILLISECONDS);
            } else {
                statistics.failed();
            }
        }
    }

    /** Disconnects cleanly (no last will). */
    public void disconnect() {
        ScheduledFuture<?> timer = statusTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // gone already
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // nothing left to free
            }
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    private String birth() {
        return "{\"model\":\"" + CatalogFile.MODEL + "\",\"serialNumber\":\"" + identity.productId()
                + "\",\"firmware\":\"UPS 15.5 / NMC 1.2 (simulated)\",\"smartConnectEnabled\":true,\"batterySku\":\""
                + CatalogFile.BATTERY_SKU + "\",\"batteryInstalledOn\":\"" + CatalogFile.BATTERY_INSTALLED_ON
                + "\",\"outletGroups\":[\"MAIN\",\"SOG1\",\"SOG2\"],\"sentAt\":\"" + now() + "\"}";
    }

    private String status() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "{\"seq\":" + statusSeq.incrementAndGet() + ",\"sentAt\":\"" + now()
                + "\",\"status\":[\"OL\",\"CHRG\"],\"batteryChargePercent\":" + (90 + random.nextInt(11))
                + ",\"batteryRuntimeSeconds\":" + (2_500 + random.nextInt(400)) + ",\"loadPercent\":"
                + (20 + random.nextInt(10)) + ".5,\"inputVoltage\":229.8,\"outputVoltage\":230.0,\"temperatureC\":27.5}";
    }

    private String event() {
        long n = eventCounter.incrementAndGet();
        String type = EVENT_TYPES.get((int) (n % EVENT_TYPES.size()));
        return "{\"eventId\":\"" + eventIdPrefix + String.format("%012x", n) + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + now() + "\",\"details\":{\"inputVoltage\":0.0,\"batteryChargePercent\":95}}";
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static IMqttActionListener completing(CompletableFuture<Void> future) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                future.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                future.completeExceptionally(failure);
            }
        };
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            statistics.connectionLost();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(topicPrefix + "commands")) {
                statistics.commandReceived();
                answer(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // each publish has its own listener
        }
    }
}
