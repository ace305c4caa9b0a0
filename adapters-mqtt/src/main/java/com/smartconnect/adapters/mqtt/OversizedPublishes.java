package com.smartconnect.adapters.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetServerInternal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Reads a PUBLISH larger than the endpoint's packet limit without holding it: its topic and packet id are kept, its
 * payload is dropped as it streams in, and what goes on to the MQTT decoder is the same PUBLISH with an empty payload
 * and a user property ({@value #SIZE_PROPERTY}) giving its size. Netty's MQTT decoder would instead fail on it and
 * drop every later byte of the connection, and Vert.x would close it without a word: the device, never acknowledged,
 * sends the message again for ever. Every other packet passes unchanged, so the decoder's limit still holds for them.
 *
 * <p>The handler sits between the socket (after TLS) and the MQTT decoder, installed when the connection opens, before
 * any byte is read. Vert.x MQTT offers no hook for that: {@link #installedOn} hands the MQTT server a Vert.x whose net
 * servers install it.
 */
final class OversizedPublishes extends ChannelInboundHandlerAdapter {

    /**
     * The user property that marks a PUBLISH read by this handler; its value is the packet's remaining length. An MQTT 5
     * device that sends it itself only has its own message refused as too large.
     */
    static final String SIZE_PROPERTY = "smartconnect-oversized-bytes";

    private static final int PUBLISH = 0x30;

    private final int limit;
    /** The fixed header being read: its type byte and up to four length bytes. */
    private final byte[] header = new byte[5];
    private int headerLength;
    /** Bytes of the current (ordinary) packet still to pass on. */
    private int passing;
    /** After bytes that are no MQTT: everything goes on to the decoder, which reports it. */
    private boolean malformed;

    /** The oversized PUBLISH being read: its flags, size, bytes left, and the start kept (topic, packet id). */
    private boolean cutting;
    private int cutFlags;
    private int cutSize;
    private int cutLeft;
    private byte[] kept;
    private int keptLength;

    OversizedPublishes(int limit) {
        this.limit = limit;
    }

    /**
     * A Vert.x whose net servers put this handler before the MQTT decoder of each connection, for an MQTT server
     * created with it. Vert.x MQTT adds its decoder in the net server's connect handler, and Vert.x runs that handler
     * before it reads from the connection, so the handler sees every byte.
     */
    static Vertx installedOn(Vertx vertx, int limit) {
        VertxInternal real = (VertxInternal) vertx;
        return (Vertx) Proxy.newProxyInstance(OversizedPublishes.class.getClassLoader(),
                new Class<?>[] {VertxInternal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createNetServer") && args != null && args.length == 1
                            && args[0] instanceof NetServerOptions options) {
                        return netServer(real.createNetServer(options), limit);
                    }
                    return call(method, real, args);
                });
    }

    private static NetServerInternal netServer(NetServerInternal real, int limit) {
        return (NetServerInternal) Proxy.newProxyInstance(OversizedPublishes.class.getClassLoader(),
                new Class<?>[] {NetServerInternal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("connectHandler") && args != null && args.length == 1) {
                        @SuppressWarnings("unchecked")
                        Handler<NetSocket> mqtt = (Handler<NetSocket>) args[0];
                        real.connectHandler(socket -> {
                            mqtt.handle(socket);
                            var pipeline = ((NetSocketInternal) socket).channelHandlerContext().pipeline();
                            if (pipeline.get("mqttDecoder") != null) {
                                pipeline.addBefore("mqttDecoder", "oversizedPublishes", new OversizedPublishes(limit));
                            }
                        });
                        return proxy;
                    }
                    return call(method, real, args);
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The size of a PUBLISH this handler read without its payload; empty for any other. */
    static OptionalInt oversized(MqttProperties properties) {
        if (properties == null) {
            return OptionalInt.empty();
        }
        for (MqttProperties.MqttProperty<?> property : properties.getProperties(MqttProperties.USER_PROPERTY)) {
            if (property instanceof MqttProperties.UserProperty user && SIZE_PROPERTY.equals(user.value().key)) {
                try {
                    return OptionalInt.of(Integer.parseInt(user.value().value));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (malformed || !(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            read(ctx, in);
        } finally {
            in.release();
        }
    }

    /**
     * Passes the bytes of ordinary packets on in runs (one slice per read, not one per packet), holds back a fixed
     * header until its length is known, and leaves out the bytes of an oversized PUBLISH.
     */
    private void read(ChannelHandlerContext ctx, ByteBuf in) {
        int held = headerLength; // header bytes of an earlier read, not passed on yet
        int runStart = in.readerIndex();
        while (in.isReadable()) {
            if (malformed) {
                in.skipBytes(in.readableBytes());
            } else if (passing > 0) {
                int n = Math.min(passing, in.readableBytes());
                in.skipBytes(n);
                passing -= n;
            } else if (cutting) {
                cut(ctx, in);
                runStart = in.readerIndex();
            } else {
                header[headerLength++] = in.readByte();
                boolean more = headerLength == 1 || (header[headerLength - 1] & 0x80) != 0;
                if (more && headerLength < header.length) {
                    continue;
                }
                if (more) {
                    malformed = true;
                } else if ((header[0] & 0xF0) == PUBLISH && remainingLength() > limit) {
                    pass(ctx, in, runStart, in.readerIndex() - (headerLength - held));
                    startCut(remainingLength());
                    runStart = in.readerIndex();
                    headerLength = 0;
                    held = 0;
                    continue;
                } else {
                    passing = remainingLength();
                }
                if (held > 0) {
                    ctx.fireChannelRead(Unpooled.wrappedBuffer(Arrays.copyOf(header, held)));
                }
                headerLength = 0;
                held = 0;
            }
        }
        if (!cutting) {
            pass(ctx, in, runStart, in.writerIndex() - (headerLength - held));
        }
    }

    private int remainingLength() {
        int length = 0;
        for (int i = 1; i < headerLength; i++) {
            length |= (header[i] & 0x7F) << (7 * (i - 1));
        }
        return length;
    }

    private static void pass(ChannelHandlerContext ctx, ByteBuf in, int from, int to) {
        if (to > from) {
            ctx.fireChannelRead(in.retainedSlice(from, to - from));
        }
    }

    private void startCut(int size) {
        cutting = true;
        cutFlags = header[0];
        cutSize = size;
        cutLeft = size;
        kept = new byte[2];
        keptLength = 0;
    }

    /** Reads on in the oversized PUBLISH: keeps its topic and packet id, drops the rest, and passes it on when read. */
    private void cut(ChannelHandlerContext ctx, ByteBuf in) {
        int qos = (cutFlags >> 1) & 3;
        while (keptLength < kept.length && in.isReadable() && cutLeft > 0) {
            int n = Math.min(Math.min(kept.length - keptLength, in.readableBytes()), cutLeft);
            in.readBytes(kept, keptLength, n);
            keptLength += n;
            cutLeft -= n;
            if (keptLength == 2 && kept.length == 2) {
                int topicLength = (kept[0] & 0xFF) << 8 | kept[1] & 0xFF;
                kept = Arrays.copyOf(kept, 2 + topicLength + (qos > 0 ? 2 : 0));
            }
        }
        int skip = Math.min(cutLeft, in.readableBytes());
        in.skipBytes(skip);
        cutLeft -= skip;
        if (cutLeft > 0) {
            return;
        }
        cutting = false;
        if (keptLength < kept.length || qos == 3) {
            // No PUBLISH can be made of it: reported as the decoder reports a malformed packet (the connection closes).
            malformed = true;
            ctx.fireExceptionCaught(new DecoderException("malformed PUBLISH of " + cutSize + " bytes"));
            return;
        }
        int topicLength = kept.length - 2 - (qos > 0 ? 2 : 0);
        String topic = new String(kept, 2, topicLength, StandardCharsets.UTF_8);
        int packetId = qos > 0 ? (kept[2 + topicLength] & 0xFF) << 8 | kept[3 + topicLength] & 0xFF : 0;
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.UserProperty(SIZE_PROPERTY, Integer.toString(cutSize)));
        kept = null;
        ctx.fireChannelRead(new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, (cutFlags & 0x08) != 0, MqttQoS.valueOf(qos),
                        (cutFlags & 0x01) != 0, 0),
                new MqttPublishVariableHeader(topic, packetId, properties), Unpooled.EMPTY_BUFFER));
    }
}
