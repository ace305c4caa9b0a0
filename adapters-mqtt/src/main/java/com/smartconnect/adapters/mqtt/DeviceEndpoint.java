package com.smartconnect.adapters.mqtt;

import com.smartconnect.application.device.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.device.port.in.ClaimDeviceCommandsCommand;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceAuthentication;
import com.smartconnect.application.device.port.in.DeviceCredentials;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.TrackDeviceConnectionUseCase;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.ProductId;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The built-in MQTT endpoint that SmartConnect UPSes connect to (MQTT 3.1.1 and 5, see device-protocol.md).
 *
 * <ul>
 * <li>Devices authenticate against the device catalog (client id = user name = Product ID, password = device
 * secret), off the event loop. Wrong or unknown credentials: CONNACK "bad user name or password" (3.1.1 code 4,
 * MQTT 5 reason 0x86), then the connection is closed. A second connection of a device closes the older one.</li>
 * <li>A device publishes only under {@code ups/{its Product ID}/}: elsewhere closes the connection (MQTT 5: after a
 * DISCONNECT 0x87). It subscribes only to {@code ups/{its Product ID}/commands}: elsewhere gets the failure code 0x80
 * (MQTT 5: 0x87 Not authorized). MQTT 5 topic aliases are not offered: a PUBLISH with one gets DISCONNECT 0x94.</li>
 * <li>Messages are stored by a {@link GroupCommit} and acknowledged only after their commit; a message that can never
 * be stored is acknowledged as well, counted and logged, and the connection stays open.</li>
 * <li>Back-pressure: past {@link DeviceEndpointSettings#maxUnacknowledgedPerConnection()} messages of a connection,
 * or {@link DeviceEndpointSettings#maxUnacknowledgedTotal()} of all, the endpoint stops reading from the connection
 * until its messages are stored.</li>
 * <li>Connects and disconnects are recorded in the order they happen; every minute the connected devices are marked
 * seen, so the devices of an instance that dies without recording their disconnects are reported lost in time.</li>
 * </ul>
 */
public final class DeviceEndpoint {

    private static final System.Logger LOG = System.getLogger(DeviceEndpoint.class.getName());
    private static final int MQTT_5 = 5;
    /**
     * The largest MQTT packet the endpoint reads whole: larger than the protocol's 16 KiB payloads, so that an oversized
     * payload is answered (acknowledged, rejected) with its message. MQTT 5 clients are told in the CONNACK (Maximum
     * Packet Size). A larger PUBLISH is read without its payload ({@link OversizedPublishes}) and refused as
     * {@link DeviceConnection} says; a larger packet of another kind closes the connection.
     */
    static final int MAX_PACKET_BYTES = 256 * 1024;

    /** How often the endpoint looks for commands to its subscribed devices (also at once when one subscribes). */
    static final Duration COMMAND_POLL_INTERVAL = Duration.ofSeconds(1);
    /** Commands claimed per look. */
    private static final int COMMANDS_PER_CLAIM = 200;

    /**
     * The use cases the endpoint drives, and the counters of rejected messages. Without {@code commands} (the
     * four-argument constructor) the endpoint sends no commands.
     */
    public record UseCases(AuthenticateDeviceUseCase authenticate, IngestDeviceMessagesUseCase ingest,
            TrackDeviceConnectionUseCase connections, DeviceMessageCounters counters,
            DeliverDeviceCommandsUseCase commands) {
        public UseCases {
            Objects.requireNonNull(authenticate, "authenticate");
            Objects.requireNonNull(ingest, "ingest");
            Objects.requireNonNull(connections, "connections");
            Objects.requireNonNull(counters, "counters");
            Objects.requireNonNull(commands, "commands");
        }

        public UseCases(AuthenticateDeviceUseCase authenticate, IngestDeviceMessagesUseCase ingest,
                TrackDeviceConnectionUseCase connections, DeviceMessageCounters counters) {
            this(authenticate, ingest, connections, counters, NO_COMMANDS);
        }
    }

    private static final DeliverDeviceCommandsUseCase NO_COMMANDS = new DeliverDeviceCommandsUseCase() {
        @Override
        public List<DeviceCommand> claim(ClaimDeviceCommandsCommand command) {
            return List.of();
        }

        @Override
        public void delivered(String commandId) {
        }

        @Override
        public int expireOverdue() {
            return 0;
        }
    };

    private final DeviceEndpointSettings settings;
    private final UseCases useCases;
    private final Map<ProductId, DeviceConnection> connected = new ConcurrentHashMap<>();
    private final BackPressure backPressure;
    /** Connects and disconnects are recorded one after the other, in the order they happened. */
    private final ExecutorService connectionTracking =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("smartconnect-mqtt-connections").factory());
    private Vertx vertx;
    private MqttServer server;
    private GroupCommit groupCommit;
    private long stillConnectedTimer = -1;
    private long commandTimer = -1;
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean dispatchAgain = new AtomicBoolean();

    public DeviceEndpoint(DeviceEndpointSettings settings, UseCases useCases) {
        this.settings = Objects.requireNonNull(settings);
        this.useCases = Objects.requireNonNull(useCases);
        this.backPressure = new BackPressure(settings.maxUnacknowledgedPerConnection(),
                settings.maxUnacknowledgedTotal());
    }

    /** Starts listening; resolves to the port bound. */
    public Future<Integer> start(Vertx vertx) {
        this.vertx = vertx;
        this.groupCommit = new GroupCommit(useCases.ingest(), settings.groupCommitWindow(), settings.maxBatch(),
                settings.committers());
        MqttServerOptions options = new MqttServerOptions().setHost(settings.host()).setPort(settings.port())
                .setMaxMessageSize(MAX_PACKET_BYTES);
        settings.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certificateChain().toString()).setKeyPath(tls.privateKey().toString())));
        server = MqttServer.create(OversizedPublishes.installedOn(vertx, MAX_PACKET_BYTES), options);
        server.endpointHandler(this::authenticate);
        // Such failures (malformed packets, TLS handshakes) can carry what a client sent: logged escaped, on one line.
        server.exceptionHandler(e -> LOG.log(Level.DEBUG, "MQTT connection failed: {0}", LogText.of(e)));
        stillConnectedTimer = vertx.setPeriodic(settings.stillConnectedInterval().toMillis(), timer -> {
            List<ProductId> devices = List.copyOf(connected.keySet());
            if (!devices.isEmpty()) {
                track(() -> useCases.connections().stillConnected(devices));
            }
        });
        if (useCases.commands() != NO_COMMANDS) {
            commandTimer = vertx.setPeriodic(COMMAND_POLL_INTERVAL.toMillis(), timer -> dispatchCommands());
        }
        return server.listen().map(MqttServer::actualPort);
    }

    /** Stops accepting and closes the connections, stores the messages already received, then stops. */
    public Future<Void> stop() {
        if (vertx != null && stillConnectedTimer >= 0) {
            vertx.cancelTimer(stillConnectedTimer);
        }
        if (vertx != null && commandTimer >= 0) {
            vertx.cancelTimer(commandTimer);
        }
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(() -> {
            if (vertx == null) {
                return Future.succeededFuture();
            }
            return vertx.executeBlocking(() -> {
                if (groupCommit != null) {
                    groupCommit.close();
                }
                connectionTracking.shutdown();
                connectionTracking.awaitTermination(10, TimeUnit.SECONDS);
                return null;
            }, false).mapEmpty();
        });
    }

    /** Messages received and not yet stored, over all connections. */
    public int unacknowledged() {
        return backPressure.inCommit();
    }

    /** Devices connected now. */
    public int connectedDevices() {
        return connected.size();
    }

    private void authenticate(MqttEndpoint endpoint) {
        ProductId claimed = knownOrNone(endpoint);
        if (connected.size() >= settings.maxConnections() && (claimed == null || !connected.containsKey(claimed))) {
            LOG.log(Level.WARNING, "MQTT connections at their limit of {0}: a device is refused "
                    + "(SMARTCONNECT_MQTT_MAX_CONNECTIONS)", settings.maxConnections());
            endpoint.reject(endpoint.protocolVersion() == MQTT_5
                    ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        Context context = vertx.getOrCreateContext();
        MqttAuth auth = endpoint.auth();
        DeviceCredentials credentials = new DeviceCredentials(endpoint.clientIdentifier(),
                auth == null ? null : auth.getUsername(), auth == null ? null : auth.getPassword());
        vertx.executeBlocking(() -> useCases.authenticate().authenticate(credentials), false).onComplete(result -> {
            if (result.failed()) {
                LOG.log(Level.ERROR, "Could not check the credentials of " + LogText.of(credentials.clientId()),
                        result.cause());
                endpoint.reject(endpoint.protocolVersion() == MQTT_5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
                return;
            }
            switch (result.result()) {
                case DeviceAuthentication.Accepted accepted -> accept(endpoint, accepted.productId(), context);
                case DeviceAuthentication.Refused refused -> {
                    LOG.log(Level.INFO, "Refused MQTT client {0}: {1}", LogText.of(credentials.clientId()),
                            LogText.of(refused.reason()));
                    endpoint.reject(endpoint.protocolVersion() == MQTT_5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                            : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
                }
            }
        });
    }

    /** The Product ID the client says it is, for a device reconnecting at the limit; null when it names none. */
    private static ProductId knownOrNone(MqttEndpoint endpoint) {
        try {
            return new ProductId(endpoint.clientIdentifier());
        } catch (RuntimeException notAProductId) {
            return null;
        }
    }

    private void accept(MqttEndpoint endpoint, ProductId productId, Context context) {
        DeviceConnection connection = new DeviceConnection(this, productId, endpoint, context, groupCommit,
                useCases.counters(), backPressure);
        endpoint.publishAutoAck(false);
        endpoint.subscriptionAutoAck(false);
        endpoint.publishHandler(connection::onPublish);
        endpoint.publishReleaseHandler(endpoint::publishComplete);
        endpoint.publishAcknowledgeHandler(connection::onPublishAcknowledged);
        endpoint.subscribeHandler(connection::onSubscribe);
        endpoint.unsubscribeHandler(connection::onUnsubscribe);
        endpoint.exceptionHandler(e -> LOG.log(Level.DEBUG, "MQTT connection of {0} failed: {1}", productId,
                LogText.of(e)));
        endpoint.closeHandler(v -> closed(connection));
        if (endpoint.protocolVersion() == MQTT_5) {
            MqttProperties properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MAXIMUM_PACKET_SIZE, MAX_PACKET_BYTES));
            endpoint.accept(false, properties);
        } else {
            endpoint.accept(false);
        }
        DeviceConnection older = connected.put(productId, connection);
        if (older != null) {
            older.takenOver();
        }
        LOG.log(Level.INFO, "{0} connected over MQTT {1}", productId, endpoint.protocolVersion() == MQTT_5 ? "5" : "3.1.1");
        track(() -> useCases.connections().connected(productId));
    }

    private void closed(DeviceConnection connection) {
        connection.closed();
        ProductId productId = connection.productId();
        // A connection closed by a take-over is not a disconnect of the device: its newer connection is registered.
        if (connected.remove(productId, connection)) {
            LOG.log(Level.INFO, "{0} disconnected", productId);
            track(() -> {
                if (!connected.containsKey(productId)) {
                    useCases.connections().disconnected(productId);
                }
            });
        }
    }

    private void track(Runnable work) {
        try {
            connectionTracking.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not record a device connect or disconnect", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.log(Level.DEBUG, "stopping: a connect or disconnect is not recorded");
        }
    }

    /**
     * Claims the pending commands of the devices subscribed to their commands on this endpoint and publishes each on
     * its device's connection. One run at a time; a call during a run makes it run once more. A command claimed for a
     * device that went away meanwhile is claimed again after its lease, wherever the device is then.
     */
    void dispatchCommands() {
        if (vertx == null || useCases.commands() == NO_COMMANDS) {
            return;
        }
        if (!dispatching.compareAndSet(false, true)) {
            dispatchAgain.set(true);
            return;
        }
        dispatchAgain.set(false);
        List<ProductId> subscribed = connected.values().stream().filter(DeviceConnection::subscribedToCommands)
                .map(DeviceConnection::productId).toList();
        if (subscribed.isEmpty()) {
            dispatching.set(false);
            return;
        }
        claimAndPublish(subscribed).onComplete(done -> {
            dispatching.set(false);
            if (dispatchAgain.getAndSet(false)) {
                dispatchCommands();
            }
        });
    }

    /**
     * The commands that waited for one device that has just subscribed to them go out now, not at the next poll. Only
     * that device's: a run over every connection for each subscription made connecting 10,000 devices quadratic
     * (BENCHMARKS.md).
     */
    void dispatchCommandsOf(ProductId productId) {
        if (vertx != null && useCases.commands() != NO_COMMANDS) {
            claimAndPublish(List.of(productId));
        }
    }

    private Future<Void> claimAndPublish(List<ProductId> devices) {
        return vertx.executeBlocking(() -> useCases.commands()
                .claim(new ClaimDeviceCommandsCommand(devices, COMMANDS_PER_CLAIM)), false)
                .map(claimed -> {
                    for (DeviceCommand command : claimed) {
                        DeviceConnection connection = connected.get(command.productId());
                        if (connection != null) {
                            connection.runOnContext(() -> connection.publish(command));
                        }
                    }
                    return (Void) null;
                })
                .onFailure(failure -> LOG.log(Level.WARNING, "Could not claim the commands of the connected devices",
                        failure))
                .otherwiseEmpty();
    }

    /** The device received a command (its PUBACK, or the write of a QoS 0 publish). */
    void delivered(DeviceCommand command) {
        vertx.executeBlocking(() -> {
            useCases.commands().delivered(command.commandId());
            return null;
        }, false).onFailure(e -> LOG.log(Level.WARNING, "Could not record the delivery of command "
                + command.commandId(), e));
    }
}
