package com.smartconnect.application.mail;

import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.mail.port.in.DeliverMailsUseCase;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.MailSender;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.application.mail.port.out.SendOutcome;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Delivers the mail outbox: claims the mails that are due, sends each one outside any transaction, and settles it as
 * sent, failed (retried with exponential backoff, from 30 seconds doubling up to an hour) or abandoned (a permanent
 * failure, a mail that cannot be rendered, or the 12th failed attempt). Delivery is at least once; a resend after a
 * crash carries the same mail id, so receivers can drop it. A request for a mail (a template
 * {@linkplain MailTemplate#preparedAtDelivery() prepared at delivery}) goes to its {@link MailPreparer} instead, and the
 * mail it becomes, if any, is sent by the next pass.
 */
public final class MailDeliveryService implements DeliverMailsUseCase {

    /** How many mails one pass claims. */
    public static final int BATCH_SIZE = 20;
    /**
     * Long enough that the last send of a pass, started within {@link #SEND_WINDOW} and bounded by the sender's own
     * timeouts (for SMTP 10 s to connect, 30 s per read or write), ends long before another instance may claim the
     * mail.
     */
    public static final Duration LEASE = Duration.ofMinutes(10);
    /** The attempt that fails for the 12th time abandons the mail. */
    public static final int MAX_ATTEMPTS = 12;
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration LONGEST_RETRY = Duration.ofHours(1);
    /**
     * Past this point in a pass, the rest of the batch is left for the lease to hand out again: a send started later
     * could still run when the lease ends and another instance sends the same mail.
     */
    public static final Duration SEND_WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final System.Logger LOG = System.getLogger(MailDeliveryService.class.getName());

    private final MailDeliveryQueue queue;
    private final MailOutbox outbox;
    private final MailSender sender;
    private final Transactions transactions;
    private final Map<MailTemplate, MailPreparer> preparers = new EnumMap<>(MailTemplate.class);
    private final Clock clock;

    @Inject
    public MailDeliveryService(MailDeliveryQueue queue, MailOutbox outbox, MailSender sender, Transactions transactions,
            Set<MailPreparer> preparers, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (MailPreparer preparer : preparers) {
            for (MailTemplate template : preparer.prepares()) {
                if (!template.preparedAtDelivery() || this.preparers.put(template, preparer) != null) {
                    throw new IllegalArgumentException("Not one preparer for a request: " + template);
                }
            }
        }
    }

    @Override
    public int deliverDue(BooleanSupplier stopRequested) {
        Instant claimedAt = clock.instant();
        List<PendingMail> claimed = queue.claimDue(claimedAt, BATCH_SIZE, LEASE);
        int sent = 0;
        for (PendingMail pending : claimed) {
            if (stopRequested.getAsBoolean() || clock.instant().isAfter(claimedAt.plus(SEND_WINDOW))) {
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

    /** The wait before the next try of a mail that failed after {@code previousAttempts} earlier tries. */
    public static Duration backoff(int previousAttempts) {
        // 30 s << 7 already exceeds the hour; capping the shift keeps the arithmetic from overflowing.
        int doublings = Math.min(Math.max(previousAttempts, 0), 7);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    private boolean deliver(PendingMail pending) {
        OutgoingMail mail = pending.mail();
        if (mail.template().preparedAtDelivery()) {
            prepare(mail);
            return false;
        }
        SendOutcome outcome;
        try {
            outcome = sender.send(mail);
        } catch (RuntimeException e) {
            // A sender that throws instead of answering has a bug or lost its footing: the mail waits for a later try.
            outcome = new SendOutcome.Failed(SendOutcome.FailureKind.TEMPORARY,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e.getClass().getSimpleName(),
                    Optional.empty());
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            fail(pending, failed);
            return false;
        }
        try {
            queue.markSent(mail.id(), clock.instant());
        } catch (RuntimeException e) {
            // The mail left but the outbox does not know: after the lease it is sent again, with the same id, which is
            // the at-least-once promise. Marking it failed here would go to the same outbox.
            LOG.log(Level.WARNING, "Mail {0} ({1}) to a recipient at {2} was sent but not marked sent; it will be resent",
                    mail.id(), mail.template(), mail.to().domain());
            return false;
        }
        LOG.log(Level.INFO, "Mail {0} ({1}) sent to a recipient at {2}", mail.id(), mail.template(), mail.to().domain());
        return true;
    }

    /**
     * Turns a request into its mail, or nothing, in one transaction with the request's discarding: a crash in between
     * leaves the request to be prepared again, never a request prepared twice. The mail is due at once, for the next
     * pass.
     */
    private void prepare(OutgoingMail request) {
        MailPreparer preparer = preparers.get(request.template());
        if (preparer == null) {
            abandon(request, "no preparer for " + request.template(), "no preparer for " + request.template());
            return;
        }
        transactions.inTransaction(() -> {
            preparer.prepare(request).ifPresent(outbox::enqueue);
            queue.discard(request.id());
            return null;
        });
    }

    private void fail(PendingMail pending, SendOutcome.Failed failure) {
        OutgoingMail mail = pending.mail();
        String advice = failure.advice().map(a -> " - " + a).orElse("");
        if (failure.kind() == SendOutcome.FailureKind.UNRENDERABLE) {
            abandon(mail, failure.causes(), failure.error());
            return;
        }
        int attempts = pending.previousAttempts() + 1;
        boolean permanent = failure.kind() == SendOutcome.FailureKind.PERMANENT;
        if (permanent || attempts >= MAX_ATTEMPTS) {
            String why = permanent ? "permanent failure, " : "gave up after " + attempts + " attempts, ";
            abandon(mail, why + failure.causes() + advice, why + failure.error());
            return;
        }
        Instant retryAt = clock.instant().plus(backoff(pending.previousAttempts()));
        queue.markFailed(mail.id(), retryAt, truncate(failure.error()));
        LOG.log(Level.WARNING, "Mail {0} ({1}) to a recipient at {2} failed (attempt {3}, {4}); retry at {5}{6}",
                mail.id(), mail.template(), mail.to().domain(), attempts, failure.causes(), retryAt, advice);
    }

    // The reason goes to the log, the full error only to the outbox: a server's reply may quote the whole address,
    // which the log's cause chain shows by its domain only.
    private void abandon(OutgoingMail mail, String reason, String error) {
        queue.markAbandoned(mail.id(), clock.instant(), truncate(error));
        LOG.log(Level.ERROR, "Mail {0} ({1}) to a recipient at {2} abandoned: {3}",
                mail.id(), mail.template(), mail.to().domain(), reason);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
