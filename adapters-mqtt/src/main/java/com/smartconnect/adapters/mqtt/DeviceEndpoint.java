package com.smartconnect.adapters.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The built-in MQTT endpoint that SmartConnect UPSes connect to (MQTT 3.1.1 and 5, see device-protocol.md).
 *
 * <p>Devices authenticate against the device catalog. No catalog exists yet, so no credentials are known and every
 * connection is refused the way the protocol refuses unknown credentials: CONNACK "bad user name or password"
 * (3.1.1 code 4, MQTT 5 reason 0x86), then the connection is closed.
 */
public final class DeviceEndpoint {

    private static final System.Logger LOG = System.getLogger(DeviceEndpoint.class.getName());
    private static final int MQTT_5 = 5;

    private final String host;
    private final int port;
    private MqttServer server;

    /** An endpoint for {@code host} and {@code port}; port 0 picks a free one. */
    public DeviceEndpoint(String host, int port) {
        this.host = Objects.requireNonNull(host);
        this.port = port;
    }

    /** Starts listening; resolves to the port bound. */
    public Future<Integer> start(Vertx vertx) {
        server = MqttServer.create(vertx, new MqttServerOptions().setHost(host).setPort(port));
        server.endpointHandler(this::refuseUnknownDevice);
        return server.listen().map(MqttServer::actualPort);
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void refuseUnknownDevice(MqttEndpoint endpoint) {
        LOG.log(Level.INFO, "refused MQTT client {0}: unknown device", endpoint.clientIdentifier());
        endpoint.reject(endpoint.protocolVersion() == MQTT_5
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }
}
