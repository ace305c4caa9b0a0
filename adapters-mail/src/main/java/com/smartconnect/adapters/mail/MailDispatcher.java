package com.smartconnect.adapters.mail;

import com.smartconnect.application.mail.port.in.DeliverMailsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives mail delivery: runs a pass of {@link DeliverMailsUseCase} at a fixed delay on one background virtual thread,
 * survives a failing pass, and on {@link #close()} lets the pass in flight end after the mail it is sending.
 */
public final class MailDispatcher implements AutoCloseable {

    /** A closing dispatcher starts no new send, so it waits at most for the one in flight. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(MailDispatcher.class.getName());

    private final DeliverMailsUseCase delivery;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    private volatile boolean closing;

    public MailDispatcher(DeliverMailsUseCase delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** One pass: delivers the mails that are due, unless the dispatcher is closing. Returns how many were sent. */
    public int dispatchDue() {
        return delivery.deliverDue(() -> closing);
    }

    /** Polls the outbox every {@code pollInterval} on one background thread until {@link #close()}. */
    public void start(Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
        synchronized (lifecycle) {
            if (closing) {
                throw new IllegalStateException("The mail dispatcher is closed");
            }
            if (poller != null) {
                throw new IllegalStateException("The mail dispatcher is already polling");
            }
            poller = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("smartconnect-mail-dispatcher").factory());
            poller.scheduleWithFixedDelay(this::pollOnce, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Stops polling and waits for the pass in flight, which stops after the mail it is sending. Mails it claimed and
     * did not reach become due again when their lease ends.
     */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (lifecycle) {
            closing = true;
            running = poller;
        }
        if (running == null) {
            return;
        }
        // Periodic tasks do not run again after shutdown; the one in flight finishes.
        running.shutdown();
        try {
            if (!running.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Mail dispatcher still busy after {0}; leaving it to its lease", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollOnce() {
        try {
            dispatchDue();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // A failed pass (database down, a bug) must not end the polling: scheduleWithFixedDelay would stop
            // for good after one exception escaped.
            LOG.log(Level.ERROR, "Mail dispatch pass failed; trying again at the next poll", e);
        }
    }
}
