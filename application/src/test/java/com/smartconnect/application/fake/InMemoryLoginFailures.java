package com.smartconnect.application.fake;

import com.smartconnect.application.account.session.port.out.LoginFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginFailures} in memory. */
public final class InMemoryLoginFailures implements LoginFailures {

    private final Map<String, List<Instant>> byKey = new ConcurrentHashMap<>();

    /** The fake's methods are synchronised already; one JVM has nothing more to order. */
    @Override
    public void lock(String key) {
    }

    @Override
    public synchronized void record(String key, Instant at) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
    }

    @Override
    public synchronized Recent since(String key, Instant since) {
        List<Instant> recent = byKey.getOrDefault(key, List.of()).stream().filter(at -> !at.isBefore(since)).toList();
        return new Recent(recent.size(), recent.stream().max(Comparator.naturalOrder()));
    }

    @Override
    public synchronized void clear(String key) {
        byKey.remove(key);
    }
}
