package com.smartconnect.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Tells what the simulator connected to. MQTT 3.1.1's CONNACK carries nothing that names a server, but our endpoint
 * has a behaviour a plain broker lacks: it accepts the devices of its catalog and refuses every other one. So after
 * the fleet's connects, one more client connects as a device that is in no catalog (a Product ID of the simulator's
 * reserved prefix with a secret of the moment): refused where the fleet was accepted is a SmartConnect endpoint;
 * accepted is another broker (Mosquitto, say, which accepts anyone), and the line says which port the SmartConnect
 * server uses instead.
 */
final class EndpointProbe {

    /** What the endpoint turned out to be. */
    enum Kind {
        /** It accepted the catalogued devices and refused the uncatalogued one. */
        SMARTCONNECT,
        /** It accepted a device in no catalog. */
        OTHER_BROKER,
        /** It refused the fleet's devices as well: a SmartConnect endpoint without their catalog, or a broker with
         * accounts of its own. */
        REFUSES_FLEET,
        /** Nothing accepts MQTT connections there. */
        UNREACHABLE
    }

    /** How the uncatalogued device's connect ended. */
    enum Probe { ACCEPTED, REFUSED, UNREACHABLE }

    record Verdict(Kind kind, String line) {
    }

    /** Product IDs of this prefix are never in a catalog the simulator writes ({@link DeviceIdentity} uses SM). */
    private static final String PROBE_PREFIX = "ZZPROBE";

    private EndpointProbe() {
    }

    /**
     * Connects an uncatalogued device to the fleet's endpoint and says what the endpoint is, given how many of the
     * fleet's devices it accepted; {@code mqttPortFile} is where {@code ./smartconnect run} keeps the port it chose.
     */
    static Verdict run(FleetSettings settings, int fleetConnected, Path mqttPortFile) {
        return verdict(settings, fleetConnected, probe(settings), mqttPortFile);
    }

    static Verdict verdict(FleetSettings settings, int fleetConnected, Probe probe, Path mqttPortFile) {
        String at = settings.serverUri();
        if (probe == Probe.ACCEPTED) {
            return new Verdict(Kind.OTHER_BROKER, at + " looks like another MQTT broker, not a SmartConnect endpoint: it"
                    + " accepted a device that is in no catalog, which SmartConnect refuses. "
                    + whereSmartConnectIs(settings, mqttPortFile));
        }
        if (probe == Probe.REFUSED && fleetConnected > 0) {
            return new Verdict(Kind.SMARTCONNECT, "Connected to a SmartConnect endpoint at " + at + ": it accepted the"
                    + " catalogued devices' credentials and refused a device that is in no catalog.");
        }
        if (probe == Probe.REFUSED) {
            return new Verdict(Kind.REFUSES_FLEET, at + " refused these devices: if it is a SmartConnect endpoint, import"
                    + " their catalog first (--write-catalog FILE with the same --seed, then ./smartconnect catalog import"
                    + " FILE); another broker may want accounts of its own.");
        }
        return new Verdict(Kind.UNREACHABLE, "Nothing accepts MQTT connections at " + at + ". "
                + whereSmartConnectIs(settings, mqttPortFile));
    }

    private static String whereSmartConnectIs(FleetSettings settings, Path mqttPortFile) {
        Optional<Integer> kept = keptPort(mqttPortFile);
        if (kept.isPresent() && kept.get() != settings.port()) {
            return "The SmartConnect server started here uses MQTT port " + kept.get() + " (" + mqttPortFile
                    + "): --port " + kept.get() + ".";
        }
        return "The SmartConnect server uses MQTT port 1883 unless another broker holds it; then ./smartconnect run"
                + " takes the first free port from 18830, says so, and keeps it in " + mqttPortFile
                + " (run the simulator with --port \"$(cat " + mqttPortFile + ")\").";
    }

    private static Optional<Integer> keptPort(Path file) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
    }

    static Probe probe(FleetSettings settings) {
        SecureRandom random = new SecureRandom();
        String productId = PROBE_PREFIX + String.format("%05d", random.nextInt(100_000));
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(productId);
        options.setPassword(java.util.HexFormat.of().formatHex(secret).toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        if (settings.tls() && settings.insecureTls()) {
            SocketFactory sockets = Fleet.trustingAnyCertificate();
            options.setSocketFactory(sockets);
        }
        MqttClient client = null;
        try {
            client = new MqttClient(settings.serverUri(), productId, new MemoryPersistence());
            client.connect(options);
            client.disconnect();
            return Probe.ACCEPTED;
        } catch (MqttException e) {
            return switch (e.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION, MqttException.REASON_CODE_NOT_AUTHORIZED,
                        MqttException.REASON_CODE_INVALID_CLIENT_ID -> Probe.REFUSED;
                default -> Probe.UNREACHABLE;
            };
        } finally {
            closeQuietly(client);
        }
    }

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // The probe's answer is known; a client that cannot release its threads cleanly changes nothing.
        }
    }
}
