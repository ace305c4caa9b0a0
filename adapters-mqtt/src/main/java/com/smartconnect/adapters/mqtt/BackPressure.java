package com.smartconnect.adapters.mqtt;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint's back-pressure: how many messages each connection, and all of them together, have received and not
 * yet stored, and which connections are not read until there is room again. Past
 * {@link DeviceEndpointSettings#maxUnacknowledgedPerConnection()} messages of its own a connection waits for its own
 * messages; past {@link DeviceEndpointSettings#maxUnacknowledgedTotal()} of all it waits for the others' too.
 *
 * <p>A connection's own count and state are touched on its own context only; the total and the connections waiting
 * for it are shared by every context.
 */
final class BackPressure {

    /** What back-pressure does to one connection: stops and starts reading from it, on its own context. */
    interface Reading {

        void pause();

        void resume();

        /** Runs {@code action} on the connection's context. */
        void runOnContext(Runnable action);
    }

    private final int maxPerConnection;
    private final int maxTotal;
    private final AtomicInteger inCommit = new AtomicInteger();
    /** The connections held back because the total was reached, each waiting to be woken once. */
    private final Set<Connection> waitingForRoom = ConcurrentHashMap.newKeySet();

    BackPressure(int maxPerConnection, int maxTotal) {
        if (maxPerConnection < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("the bounds must be positive: " + maxPerConnection + ", " + maxTotal);
        }
        this.maxPerConnection = maxPerConnection;
        this.maxTotal = maxTotal;
    }

    /** The back-pressure of a connection that has just been accepted. */
    Connection connection(Reading reading) {
        return new Connection(reading);
    }

    /** Messages received and not yet stored, over all connections. */
    int inCommit() {
        return inCommit.get();
    }

    private boolean fullInTotal() {
        return inCommit.get() >= maxTotal;
    }

    /** One connection's share of the back-pressure. */
    final class Connection {

        private final Reading reading;
        private int inCommit;
        private boolean paused;

        private Connection(Reading reading) {
            this.reading = reading;
        }

        /** A message of the connection went to be stored: past its bound, or the endpoint's, it is not read further. */
        void entered() {
            inCommit++;
            BackPressure.this.inCommit.incrementAndGet();
            if (!paused && (inCommit >= maxPerConnection || fullInTotal())) {
                paused = true;
                reading.pause();
                if (fullInTotal()) {
                    waitingForRoom.add(this);
                }
            }
        }

        /**
         * A message of the connection left the commit: as many connections held back by the endpoint's total as there
         * is room for now may read again. Each is handed over once (taken out of the set): a connection that finds the
         * endpoint full again waits again. Waking every waiting connection on every message would queue work in
         * proportion to both, which under a long overload fills the heap with wake-ups. The connection itself resumes
         * with {@link #resumeIfRoom}, once it has answered the message.
         */
        void left() {
            inCommit--;
            int room = maxTotal - BackPressure.this.inCommit.decrementAndGet();
            for (Iterator<Connection> waiting = waitingForRoom.iterator(); room > 0 && waiting.hasNext(); room--) {
                Connection next = waiting.next();
                waiting.remove();
                next.reading.runOnContext(next::resumeIfRoom);
            }
        }

        /**
         * Runs on the connection's context: after its own messages were stored, and when another connection freed room
         * in total. Held back by its own bound, it waits for its own messages (they call this again); held back by the
         * endpoint's, it waits for the endpoint to wake it.
         */
        void resumeIfRoom() {
            if (!paused || inCommit >= maxPerConnection) {
                return;
            }
            if (fullInTotal()) {
                waitingForRoom.add(this);
                return;
            }
            paused = false;
            waitingForRoom.remove(this);
            reading.resume();
        }

        /** The connection closed: nothing wakes it any more. */
        void closed() {
            waitingForRoom.remove(this);
        }

        /** Whether the connection is not read now. */
        boolean paused() {
            return paused;
        }

        /** Whether the connection waits for room in the endpoint's total. */
        boolean waitingForRoom() {
            return waitingForRoom.contains(this);
        }
    }
}
