package com.smartconnect.adapters.mqtt;

import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttEndpoint;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;

/**
 * Pauses and resumes reading from an MQTT connection. Vert.x MQTT's {@link MqttEndpoint} has no {@code pause()}, but
 * the socket under it (a {@link NetSocket}, a read stream) has: paused, it stops reading (TCP then slows the device
 * down). The socket is a private field of the endpoint's implementation, hence the reflection, confined here; if a
 * Vert.x version moves it, the endpoint logs once and runs without pausing rather than failing.
 */
final class SocketReading {

    private static final System.Logger LOG = System.getLogger(SocketReading.class.getName());
    private static final Field SOCKET = socketField();

    private SocketReading() {
    }

    private static Field socketField() {
        try {
            Field field = Class.forName("io.vertx.mqtt.impl.MqttEndpointImpl").getDeclaredField("conn");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot reach the socket of MQTT connections; reading from them is never paused", e);
            return null;
        }
    }

    static void pause(MqttEndpoint endpoint) {
        NetSocket socket = socket(endpoint);
        if (socket != null) {
            socket.pause();
        }
    }

    static void resume(MqttEndpoint endpoint) {
        NetSocket socket = socket(endpoint);
        if (socket != null) {
            socket.resume();
        }
    }

    private static NetSocket socket(MqttEndpoint endpoint) {
        if (SOCKET != null && SOCKET.getDeclaringClass().isInstance(endpoint)) {
            try {
                return (NetSocket) SOCKET.get(endpoint);
            } catch (IllegalAccessException | ClassCastException e) {
                LOG.log(Level.DEBUG, "no socket to pause", e);
            }
        }
        return null;
    }
}
