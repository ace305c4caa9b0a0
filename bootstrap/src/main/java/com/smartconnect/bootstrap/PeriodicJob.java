package com.smartconnect.bootstrap;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs a scheduled job of the application on a thread of its own, first at start (so that work which fell due while
 * the server was down is done at once), then at a fixed delay. Every instance runs every job; the jobs claim their
 * work in the database, so nothing is done twice.
 */
final class PeriodicJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PeriodicJob.class.getName());

    private final ScheduledExecutorService scheduler;

    /** {@code job} answers how many things it did; {@code what} names them for the log ("reseller invitations expired"). */
    PeriodicJob(String name, Duration interval, IntSupplier job, String what) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("smartconnect-" + name).daemon().factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int done = job.getAsInt();
                if (done > 0) {
                    LOG.log(Level.INFO, "{0}: {1}", what, done);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The job " + name + " failed; it runs again in " + interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and waits for a run in progress; an interrupted wait leaves the thread interrupted. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
