package com.smartconnect.application.device.port.in;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts of device messages that were acknowledged but never stored (rejected, by reason) and of events of a type
 * the server does not know yet: what operators watch to see firmware and server drifting apart. Shared by the
 * adapter (which rejects what it cannot parse) and the application (which rejects what the domain refuses). Free of
 * any metrics library; a metrics adapter may read it.
 */
public final class DeviceMessageCounters {

    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unknownEventTypes = new AtomicLong();
    private final Map<String, AtomicLong> rejectedByReason = new ConcurrentHashMap<>();
    private final List<Consumer<String>> reasonListeners = new CopyOnWriteArrayList<>();

    /** One message rejected; {@code reason} is a short stable category, such as {@code malformed-json}. */
    public void rejected(String reason) {
        rejected.incrementAndGet();
        AtomicLong count = rejectedByReason.get(reason);
        if (count == null) {
            AtomicLong fresh = new AtomicLong();
            AtomicLong earlier = rejectedByReason.putIfAbsent(reason, fresh);
            count = earlier == null ? fresh : earlier;
            if (earlier == null) {
                reasonListeners.forEach(listener -> listener.accept(reason));
            }
        }
        count.incrementAndGet();
    }

    /**
     * Tells {@code listener} every reason rejections were counted for: those seen so far at once, each new one when it
     * is first counted (a metrics adapter registers a counter per reason that way). A reason may be told twice.
     */
    public void whenReasonSeen(Consumer<String> listener) {
        reasonListeners.add(listener);
        rejectedByReason.keySet().forEach(listener);
    }

    /** One event of an unknown type was stored (with severity info). */
    public void unknownEventType() {
        unknownEventTypes.incrementAndGet();
    }

    public long rejected() {
        return rejected.get();
    }

    /** The messages rejected for this reason so far. */
    public long rejectedFor(String reason) {
        AtomicLong count = rejectedByReason.get(reason);
        return count == null ? 0 : count.get();
    }

    public long unknownEventTypes() {
        return unknownEventTypes.get();
    }

    /** The rejections so far, by reason. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> snapshot = new TreeMap<>();
        rejectedByReason.forEach((reason, count) -> snapshot.put(reason, count.get()));
        return snapshot;
    }
}
