package com.smartconnect.bootstrap;

import com.smartconnect.application.port.in.ReportLostCommunicationUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the offline grace job periodically on a thread of its own. Every instance runs it; the use case claims each
 * device through the database, so no device is reported twice.
 */
final class OfflineGraceJob implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(OfflineGraceJob.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smartconnect-offline-grace").daemon().factory());

    OfflineGraceJob(ReportLostCommunicationUseCase job, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int reported = job.reportLostCommunication();
                if (reported > 0) {
                    LOG.log(Level.INFO, "Reported the communication of {0} devices lost", reported);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The offline grace job failed; it runs again in " + interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
