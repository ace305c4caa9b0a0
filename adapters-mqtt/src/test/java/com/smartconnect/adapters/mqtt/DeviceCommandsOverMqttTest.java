package com.smartconnect.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.DeviceAuthenticationService;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.application.device.DeviceCommandService;
import com.smartconnect.application.device.DeviceConnectionService;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceCommandOutbox;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.NoEventNotifications;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands reach the device with a real MQTT client (Paho): a command waiting for an offline device goes out when it
 * subscribes, a new one within the poll interval, each QoS 1; the device's PUBACK makes it delivered and its answer
 * on {@code ups/{pid}/acks} settles it. Another device's command never reaches it.
 */
class DeviceCommandsOverMqttTest {

    private static final ProductId UPS = EndpointFixture.UPS;
    private static final ProductId OTHER = EndpointFixture.OTHER;

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final InMemoryDeviceCommandOutbox outbox = new InMemoryDeviceCommandOutbox();
    private final DirectTransactions transactions = new DirectTransactions();
    private final DeviceMessageCounters counters = new DeviceMessageCounters();
    private final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
    private final AccountId owner = new AccountId(UUID.randomUUID());
    private final PlanService plans = new PlanService(clock, transactions, catalog, new InMemoryPlans(),
            FreePeriodPolicy.DEFAULT);
    private final DeviceCommandService commands = new DeviceCommandService(clock, new ScriptedRandomSource(),
            transactions, new InMemoryAccounts(), catalog, states, registrations, outbox,
            user -> true, DeviceCommandPolicy.DEFAULT, plans);
    private Vertx vertx;
    private DeviceEndpoint endpoint;
    private int port;
    private MqttClient device;

    @BeforeEach
    void start() throws Exception {
        catalog.save(EndpointFixture.entry(UPS, EndpointFixture.SECRET));
        catalog.save(EndpointFixture.entry(OTHER, EndpointFixture.OTHER_SECRET));
        CompanyId company = new CompanyId(UUID.randomUUID());
        registrations.add(DeviceRegistration.registered(UPS, owner, company, clock.instant()));
        registrations.add(DeviceRegistration.registered(OTHER, owner, company, clock.instant()));
        // Registered as the portal does it: with the free period, which includes remote reboot.
        plans.startFreePeriodIfFirst(UPS);
        plans.startFreePeriodIfFirst(OTHER);
        vertx = Vertx.vertx();
        endpoint = new DeviceEndpoint(DeviceEndpointSettings.of("127.0.0.1", 0), new DeviceEndpoint.UseCases(
                new DeviceAuthenticationService(catalog),
                new DeviceIngestService(clock, transactions, states, events, commands, counters,
                        NoEventNotifications.delivery()),
                new DeviceConnectionService(clock, new ScriptedRandomSource(), transactions, states, events,
                        OfflineGrace.DEFAULT, NoEventNotifications.delivery()),
                counters, commands));
        port = endpoint.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (device != null) {
            if (device.isConnected()) {
                device.disconnectForcibly(100, 100);
            }
            device.close(true);
        }
        endpoint.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private DeviceCommand pending(ProductId productId, DeviceCommandType type, String argument) {
        DeviceCommand command = DeviceCommand.issue(UUID.randomUUID().toString(), productId, type, argument,
                owner, clock.instant(), Duration.ofHours(24));
        outbox.add(command);
        return command;
    }

    private DeviceCommandState state(DeviceCommand command) {
        return outbox.find(command.commandId()).orElseThrow().state();
    }

    @Test
    void theDeviceReceivesItsCommandsAndItsAcksSettleThem() throws Exception {
        DeviceCommand waiting = pending(UPS, DeviceCommandType.SET_SENSITIVITY, "LOW");
        DeviceCommand notMine = pending(OTHER, DeviceCommandType.SET_SENSITIVITY, "HIGH");
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        device = new MqttClient("tcp://127.0.0.1:" + port, UPS.value(), new MemoryPersistence());
        device.setTimeToWait(10_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(UPS.value());
        options.setPassword(EndpointFixture.SECRET.toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        device.connect(options);
        device.subscribe("ups/" + UPS.value() + "/commands", 1, (topic, message) -> {
            assertThat(message.getQos()).isEqualTo(1);
            received.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)));
        });

        EndpointFixture.eventually("the waiting command arrives", () -> received.size() == 1);
        assertThat(received.get(0)).isEqualTo(new JsonObject().put("commandId", waiting.commandId())
                .put("type", "SET_SENSITIVITY").put("sensitivity", "LOW").put("issuedAt", waiting.issuedAt().toString()));
        EndpointFixture.eventually("the PUBACK makes it delivered",
                () -> state(waiting) == DeviceCommandState.DELIVERED);
        device.publish("ups/" + UPS.value() + "/acks", new MqttMessage(new JsonObject()
                .put("commandId", waiting.commandId()).put("result", "OK").put("message", "sensitivity set")
                .put("sentAt", "2026-11-20T08:00:05Z").encode().getBytes(StandardCharsets.UTF_8)) {
            {
                setQos(1);
            }
        });
        EndpointFixture.eventually("the ack settles it", () -> state(waiting) == DeviceCommandState.OK);
        assertThat(outbox.find(waiting.commandId()).orElseThrow().message()).contains("sensitivity set");

        DeviceCommand reboot = pending(UPS, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG1");
        EndpointFixture.eventually("a new command arrives while connected", () -> received.size() == 2);
        assertThat(received.get(1).getString("type")).isEqualTo("REBOOT_OUTLET_GROUP");
        assertThat(received.get(1).getString("outletGroup")).isEqualTo("SOG1");
        MqttMessage failed = new MqttMessage(new JsonObject().put("commandId", reboot.commandId())
                .put("result", "FAILED").put("message", "outlet group busy").encode().getBytes(StandardCharsets.UTF_8));
        failed.setQos(1);
        device.publish("ups/" + UPS.value() + "/acks", failed);
        EndpointFixture.eventually("a FAILED answer settles it", () -> state(reboot) == DeviceCommandState.FAILED);

        Thread.sleep(DeviceEndpoint.COMMAND_POLL_INTERVAL.toMillis() * 2);
        assertThat(received).as("only its own commands, each once").hasSize(2);
        assertThat(state(notMine)).isEqualTo(DeviceCommandState.PENDING);
    }

    @Test
    void anMqtt5DeviceReceivesItsCommandAndItsPubackMakesItDelivered() throws Exception {
        DeviceCommand waiting = pending(UPS, DeviceCommandType.REBOOT_OUTLET_GROUP, "SOG2");
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        org.eclipse.paho.mqttv5.client.MqttClient v5 = new org.eclipse.paho.mqttv5.client.MqttClient(
                "tcp://127.0.0.1:" + port, UPS.value(), new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        try {
            v5.setTimeToWait(10_000);
            org.eclipse.paho.mqttv5.client.MqttConnectionOptions options =
                    new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
            options.setUserName(UPS.value());
            options.setPassword(EndpointFixture.SECRET.getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            options.setAutomaticReconnect(false);
            v5.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                @Override
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
                }

                @Override
                public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                    received.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8)));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
                }
            });
            v5.connect(options);
            v5.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                new org.eclipse.paho.mqttv5.common.MqttSubscription("ups/" + UPS.value() + "/commands", 1)});

            EndpointFixture.eventually("the command arrives over MQTT 5", () -> received.size() == 1);
            assertThat(received.get(0).getString("outletGroup")).isEqualTo("SOG2");
            EndpointFixture.eventually("the MQTT 5 PUBACK makes it delivered",
                    () -> state(waiting) == DeviceCommandState.DELIVERED);
        } finally {
            if (v5.isConnected()) {
                v5.disconnectForcibly(100, 100);
            }
            v5.close(true);
        }
    }
}
