package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * SmartConnect UPSes for the end-to-end and browser tests: their catalog rows (all with {@link #KEY}), and devices
 * that connect with a real MQTT client (Paho), send their birth, statuses and events, and keep the commands they
 * receive. {@link #close} disconnects them all.
 */
final class SimulatedUpses implements AutoCloseable {

    /** The Product Key of every UPS of {@link #importCatalog}. */
    static final String KEY = "7KQ2M9X4B1C8DZ";

    private final SmartConnect server;
    private final List<MqttClient> devices = new CopyOnWriteArrayList<>();
    private final List<JsonObject> commands = new CopyOnWriteArrayList<>();

    SimulatedUpses(SmartConnect server) {
        this.server = server;
    }

    /** The device secret of a catalog row of {@link #importCatalog}. */
    static String secret(String productId) {
        return "s3cret-of-" + productId + "-0123456789-abcdef";
    }

    /** Adds the UPSes to the catalog: model SMT1500RMI2UC, battery installed 2025-03-01, warranty to 2027-03-01. */
    void importCatalog(List<String> productIds) {
        StringBuilder csv = new StringBuilder(
                "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n");
        for (String ups : productIds) {
            csv.append(ups).append(',').append(KEY).append(',').append(secret(ups))
                    .append(",SMT1500RMI2UC,SN-").append(ups).append(",APCRBC159,2025-03-01,2027-03-01\n");
        }
        assertThat(server.devices().importCatalog().importCatalog(new ImportCatalogCommand(csv.toString())))
                .isEqualTo(new ImportCatalogResult.Imported(productIds.size(), 0));
    }

    /**
     * Connects the UPS, listens for its commands, sends its birth (outlet groups MAIN and SOG1) and one status with
     * {@code flags}, battery 95 % and load 38 %.
     */
    MqttClient connect(String productId, boolean smartConnectEnabled, String... flags) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + server.mqttPort().getAsInt(), productId,
                new MemoryPersistence());
        devices.add(device);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(productId);
        options.setPassword(secret(productId).toCharArray());
        options.setAutomaticReconnect(false);
        device.setTimeToWait(10_000);
        device.connect(options);
        device.subscribe("ups/" + productId + "/commands", 1, (topic, message) ->
                commands.add(new JsonObject(new String(message.getPayload(), StandardCharsets.UTF_8))));
        publish(device, productId, "birth", """
                {"model": "SMT1500RMI2UC", "serialNumber": "SN", "firmware": "UPS 15.5 / NMC 1.2",
                 "smartConnectEnabled": %s, "batterySku": "APCRBC159", "batteryInstalledOn": "2025-03-01",
                 "outletGroups": ["MAIN", "SOG1"], "sentAt": "2026-11-20T08:15:30Z"}""".formatted(smartConnectEnabled));
        publish(device, productId, "status", new JsonObject().put("seq", 1).put("sentAt", "2026-11-20T08:16:30Z")
                .put("status", new JsonArray(List.of((Object[]) flags)))
                .put("batteryChargePercent", 95).put("loadPercent", 38.0).encode());
        return device;
    }

    /**
     * Sends {@code json} on the UPS's topic {@code ups/<productId>/<kind>} (birth, status, event, ack) at QoS 1. Paho
     * can still count an earlier message in flight for a moment after its acknowledgement ("too many publishes in
     * progress"): that one is sent again, a little later.
     */
    static void publish(MqttClient device, String productId, String kind, String json) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                device.publish("ups/" + productId + "/" + kind, json.getBytes(StandardCharsets.UTF_8), 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT || attempt == 50) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** The commands the connected UPSes received, in order. */
    List<JsonObject> commands() {
        return commands;
    }

    /** Waits until the server has the device's birth and status (its messages are stored in batches). */
    void awaitBirth(String productId) throws InterruptedException {
        eventually(() -> server.devices().query().state(new ProductId(productId))
                .filter(state -> state.lastBirth().isPresent() && state.latestStatus().isPresent()).isPresent());
    }

    /** Waits up to 10 seconds for {@code condition}, then asserts it. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Override
    public void close() throws Exception {
        for (MqttClient device : devices) {
            if (device.isConnected()) {
                device.disconnectForcibly(100, 100);
            }
            device.close(true);
        }
    }
}
