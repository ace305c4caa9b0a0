package com.smartconnect.adapters.mail;

import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the mail outbox: claims the mails that are due, renders and sends each one outside any transaction, and
 * settles it as sent, failed (retried with exponential backoff) or abandoned. Delivery is at least once; a resend
 * after a crash carries the same {@code Message-ID}, so receivers can drop it.
 */
public final class MailDispatcher implements AutoCloseable {

    static final int BATCH_SIZE = 20;
    /**
     * Long enough that the last send of a pass, started within {@link #SEND_WINDOW} and bounded by the SMTP
     * timeouts (10 s to connect, 30 s per read or write), ends long before another instance may claim the mail.
     */
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    // Past this point in a pass, the rest of the batch is left for the lease to hand out again: a send started
    // later could still run when the lease ends and another instance sends the same mail.
    static final Duration SEND_WINDOW = Duration.ofMinutes(1);
    /** A closing dispatcher starts no new send, so it waits at most for the one in flight. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final System.Logger LOG = System.getLogger(MailDispatcher.class.getName());

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailRenderer renderer;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService poller;
    private volatile boolean closing;

    public MailDispatcher(MailOutbox outbox, MailTransport transport, MailRenderer renderer, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One pass: claims a batch of due mails and tries each once. Returns how many were sent. */
    public int dispatchDue() {
        Instant claimedAt = clock.instant();
        List<PendingMail> claimed = outbox.claimDue(claimedAt, BATCH_SIZE, LEASE);
        int sent = 0;
        for (PendingMail pending : claimed) {
            if (closing || clock.instant().isAfter(claimedAt.plus(SEND_WINDOW))) {
                // Not settled: the lease makes the mail due again, here or on another instance.
                break;
            }
            try {
                if (deliver(pending)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // The outbox refused to settle this mail; its lease hands it out again, and the others still go.
                OutgoingMail mail = pending.mail();
                LOG.log(Level.ERROR, "Mail {0} ({1}) to a recipient at {2} could not be settled: {3}",
                        mail.id(), mail.template(), mail.to().domain(), e.getClass().getSimpleName());
            }
        }
        return sent;
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

    static Duration backoff(int previousAttempts) {
        // 30 s << 7 already exceeds the hour; capping the shift keeps the arithmetic from overflowing.
        int doublings = Math.min(Math.max(previousAttempts, 0), 7);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
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

    private boolean deliver(PendingMail pending) {
        OutgoingMail mail = pending.mail();
        MimeMessage message;
        try {
            message = renderer.render(mail);
            message.setSentDate(Date.from(clock.instant()));
        } catch (Exception e) {
            // The same values give the same failure every time: retrying cannot help.
            String reason = e.getClass().getSimpleName() + " while rendering";
            abandon(mail, reason, reason + ": " + e.getMessage());
            return false;
        }
        try {
            transport.send(message);
        } catch (Exception e) {
            fail(pending, DeliveryFailure.of(e), e);
            return false;
        }
        try {
            outbox.markSent(mail.id(), clock.instant());
        } catch (RuntimeException e) {
            // The mail left but the outbox does not know: after the lease it is sent again, with the same
            // Message-ID, which is the at-least-once promise. Marking it failed here would go to the same outbox.
            LOG.log(Level.WARNING, "Mail {0} ({1}) to a recipient at {2} was sent but not marked sent; it will be resent",
                    mail.id(), mail.template(), mail.to().domain());
            return false;
        }
        LOG.log(Level.INFO, "Mail {0} ({1}) sent to a recipient at {2}", mail.id(), mail.template(), mail.to().domain());
        return true;
    }

    private void fail(PendingMail pending, DeliveryFailure failure, Exception cause) {
        OutgoingMail mail = pending.mail();
        int attempts = pending.previousAttempts() + 1;
        String error = truncate(failure.reason() + ": " + cause.getMessage());
        if (failure.permanent() || attempts >= MAX_ATTEMPTS) {
            String why = failure.permanent() ? "permanent failure, " : "gave up after " + attempts + " attempts, ";
            abandon(mail, why + failure.causes() + advice(cause),
                    truncate(why + failure.reason() + ": " + cause.getMessage()));
            return;
        }
        Instant retryAt = clock.instant().plus(backoff(pending.previousAttempts()));
        outbox.markFailed(mail.id(), retryAt, error);
        LOG.log(Level.WARNING, "Mail {0} ({1}) to a recipient at {2} failed (attempt {3}, {4}); retry at {5}{6}",
                mail.id(), mail.template(), mail.to().domain(), attempts, failure.causes(), retryAt,
                advice(cause));
    }

    // A set-up problem (TLS, login, an unreachable server) fails every mail the same way: say what to change.
    private String advice(Exception cause) {
        try {
            return transport.advice(cause).map(advice -> " - " + advice).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    // The reason goes to the log, the full error only to the outbox: a server's reply may quote the whole address,
    // which the log's cause chain shows by its domain only.
    private void abandon(OutgoingMail mail, String reason, String error) {
        outbox.markAbandoned(mail.id(), clock.instant(), truncate(error));
        LOG.log(Level.ERROR, "Mail {0} ({1}) to a recipient at {2} abandoned: {3}",
                mail.id(), mail.template(), mail.to().domain(), reason);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
