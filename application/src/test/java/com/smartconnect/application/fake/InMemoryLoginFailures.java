package com.smartconnect.application.fake;

import com.smartconnect.application.account.session.port.out.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginFailures} in memory. */
public final class InMemoryLoginFailures implements LoginFailures {

    private static final Duration KEPT_FOR = Duration.ofDays(1);

    private final Map<String, List<Instant>> byKey = new ConcurrentHashMap<>();

    /** The fake's methods are synchronised already; one JVM has nothing more to order. */
    @Override
    public void lock(String key) {
    }

    @Override
    public synchronized void record(String key, Instant at) {
        List<Instant> failures = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        // As the database does: the failures of the key older than a day before this one are forgotten.
        failures.removeIf(failed -> failed.isBefore(at.minus(KEPT_FOR)));
        failures.add(at.truncatedTo(ChronoUnit.MICROS));
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
