package com.smartconnect.simulator;

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

    void eventSent() {
        eventsSent.increment();
    }

    void eventAcknowledged(long nanos) {
        eventLatency.record(nanos);
        eventsAcknowledged.increment();
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

    public void resetLatencies() {
        eventLatency.reset();
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
