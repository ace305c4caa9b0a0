package com.smartconnect.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** What a fleet did: events sent and acknowledged (with their latencies), statuses, commands, failures. */
public final class FleetStatistics {

    private final LatencyHistogram eventLatency = new LatencyHistogram();
    private final LongAdder eventsSent = new LongAdder();
    private final LongAdder eventsAcknowledged = new LongAdder();
    private final LongAdder statusesSent = new LongAdder();
    private final LongAdder commandsReceived = new LongAdder();
    private final LongAdder commandsAnswered = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder connectionsLost = new LongAdder();
    /** The longest latency acknowledged in each tenth of a second since the last reset (the first minute). */
    private final AtomicLongArray slowestPerTick = new AtomicLongArray(TICKS);
    private volatile long resetAt = System.nanoTime();
    private static final int TICKS = 600;
    private static final long TICK_NANOS = 100_000_000L;

    /** The slowest acknowledgement of a tenth of a second: when (since the reset) and how long it took. */
    public record SlowTick(double secondsAfterReset, double slowestMillis) {
    }

    void eventSent() {
        eventsSent.increment();
    }

    void eventAcknowledged(long nanos) {
        eventLatency.record(nanos);
        eventsAcknowledged.increment();
        long tick = (System.nanoTime() - resetAt) / TICK_NANOS;
        if (tick >= 0 && tick < TICKS) {
            slowestPerTick.accumulateAndGet((int) tick, nanos, Math::max);
        }
    }

    void statusSent() {
        statusesSent.increment();
    }

    void commandReceived() {
        commandsReceived.increment();
    }

    void commandAnswered() {
        commandsAnswered.increment();
    }

    void failed() {
        failures.increment();
    }

    void connectionLost() {
        connectionsLost.increment();
    }

    /** Publish-to-PUBACK latencies of the events since the last {@link #resetLatencies()}. */
    public LatencyHistogram eventLatency() {
        return eventLatency;
    }

    /**
     * The {@code count} tenths of a second (of the first minute since the last reset) with the slowest
     * acknowledgements, slowest first: where the tail of the latencies comes from, a stall or a steady spread.
     */
    public List<SlowTick> slowestTicks(int count) {
        List<SlowTick> ticks = new ArrayList<>();
        for (int i = 0; i < TICKS; i++) {
            long nanos = slowestPerTick.get(i);
            if (nanos > 0) {
                ticks.add(new SlowTick(i / 10.0, nanos / 1e6));
            }
        }
        ticks.sort(Comparator.comparingDouble(SlowTick::slowestMillis).reversed());
        return List.copyOf(ticks.subList(0, Math.min(count, ticks.size())));
    }

    public void resetLatencies() {
        eventLatency.reset();
        for (int i = 0; i < TICKS; i++) {
            slowestPerTick.set(i, 0);
        }
        resetAt = System.nanoTime();
    }

    public long eventsSent() {
        return eventsSent.sum();
    }

    public long eventsAcknowledged() {
        return eventsAcknowledged.sum();
    }

    public long statusesSent() {
        return statusesSent.sum();
    }

    public long commandsReceived() {
        return commandsReceived.sum();
    }

    public long commandsAnswered() {
        return commandsAnswered.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long connectionsLost() {
        return connectionsLost.sum();
    }
}
