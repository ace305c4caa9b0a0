package com.smartconnect.adapters.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An MQTT 5 client that writes its packets byte by byte over a plain socket: for what a well-behaved client library
 * refuses to send (a topic alias the server did not offer, a packet over the server's maximum size).
 */
final class RawMqtt5Client implements AutoCloseable {

    static final int CONNACK = 0x20;
    static final int PUBACK = 0x40;
    static final int SUBACK = 0x90;
    static final int DISCONNECT = 0xE0;
    static final int TOPIC_ALIAS = 0x23;

    /** A packet as read: its first byte (type and flags) and the bytes after its length. */
    record Packet(int firstByte, byte[] body) {
        int type() {
            return firstByte & 0xF0;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawMqtt5Client(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and returns the client once its CONNACK accepted it. */
    static RawMqtt5Client connect(int port, String clientId, String username, String password) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        RawMqtt5Client client = new RawMqtt5Client(socket);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5);
        body.write(0xC2); // user name, password, clean start
        body.write(0);
        body.write(60);
        body.write(0); // no properties
        writeString(body, clientId);
        writeString(body, username);
        writeString(body, password);
        client.send(0x10, body.toByteArray());
        Packet connack = client.read().orElseThrow(() -> new EOFException("no CONNACK"));
        if (connack.type() != CONNACK || connack.body()[1] != 0) {
            throw new IOException("not accepted: " + connack);
        }
        return client;
    }

    /** A PUBLISH; {@code properties} are the encoded properties (without their length). */
    void publish(String topic, int qos, int packetId, byte[] properties, byte[] payload) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);
        if (qos > 0) {
            body.write(packetId >> 8);
            body.write(packetId & 0xFF);
        }
        writeVariableInt(body, properties.length);
        body.write(properties);
        body.write(payload);
        send(0x30 | qos << 1, body.toByteArray());
    }

    /** A SUBSCRIBE of the filters, each at QoS 1. */
    void subscribe(int packetId, String... filters) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.write(0);
        for (String filter : filters) {
            writeString(body, filter);
            body.write(1);
        }
        send(0x82, body.toByteArray());
    }

    static byte[] topicAlias(int alias) {
        return new byte[] {TOPIC_ALIAS, (byte) (alias >> 8), (byte) alias};
    }

    /** The next packet from the server, or empty once it closed the connection. */
    Optional<Packet> read() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new IOException("nothing from the server within " + socket.getSoTimeout() + " ms", e);
        }
        if (first < 0) {
            return Optional.empty();
        }
        int length = 0;
        for (int shift = 0;; shift += 7) {
            int b = in.readUnsignedByte();
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return Optional.of(new Packet(first, body));
    }

    /** Whether the server closed the connection (reads what it still sent before). */
    boolean closedByServer() throws IOException {
        try {
            while (read().isPresent()) {
                // skip
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private void send(int firstByte, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
        packet.write(firstByte);
        writeVariableInt(packet, body.length);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static void writeVariableInt(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value > 0 ? b | 0x80 : b);
        } while (value > 0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
