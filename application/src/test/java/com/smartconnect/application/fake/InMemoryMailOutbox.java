package com.smartconnect.application.fake;

import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The mail outbox in memory, both its ports: the services' {@link MailOutbox} and delivery's {@link MailDeliveryQueue},
 * with the same claim, lease and settle rules as the database one (the repository contract runs against both).
 */
public final class InMemoryMailOutbox implements MailOutbox, MailDeliveryQueue {

    /** How a mail was settled, if it was. */
    public enum Settled { SENT, ABANDONED }

    private final Map<MailId, Entry> entries = new LinkedHashMap<>();
    private long enqueued;

    private static final class Entry {
        final OutgoingMail mail;
        final long order;
        Instant dueAt = Instant.MIN;
        int attempts;
        Settled settled;
        String lastError = "";

        Entry(OutgoingMail mail, long order) {
            this.mail = mail;
            this.order = order;
        }
    }

    @Override
    public synchronized void enqueue(OutgoingMail mail) {
        entries.put(mail.id(), new Entry(mail, enqueued++));
    }

    @Override
    public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        return claimDue(now, limit, lease, mail -> true);
    }

    /**
     * This outbox as a delivery queue that holds only the requests for mails ({@code preparedAtDelivery}): for tests
     * that let delivery prepare the requests while the mails stay unsent, as they were enqueued.
     */
    public MailDeliveryQueue requestsOnly() {
        InMemoryMailOutbox outbox = this;
        return new MailDeliveryQueue() {
            @Override
            public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
                return outbox.claimDue(now, limit, lease, mail -> mail.template().preparedAtDelivery());
            }

            @Override
            public void markSent(MailId id, Instant sentAt) {
                outbox.markSent(id, sentAt);
            }

            @Override
            public void markFailed(MailId id, Instant retryAt, String error) {
                outbox.markFailed(id, retryAt, error);
            }

            @Override
            public void markAbandoned(MailId id, Instant at, String error) {
                outbox.markAbandoned(id, at, error);
            }

            @Override
            public void discard(MailId id) {
                outbox.discard(id);
            }
        };
    }

    private synchronized List<PendingMail> claimDue(Instant now, int limit, Duration lease, Predicate<OutgoingMail> which) {
        List<Entry> due = entries.values().stream()
                .filter(entry -> entry.settled == null && !entry.dueAt.isAfter(now) && which.test(entry.mail))
                .sorted(Comparator.<Entry, Instant>comparing(entry -> entry.dueAt).thenComparingLong(entry -> entry.order))
                .limit(Math.max(limit, 0))
                .toList();
        List<PendingMail> claimed = new ArrayList<>();
        for (Entry entry : due) {
            claimed.add(new PendingMail(entry.mail, entry.attempts));
            entry.attempts++;
            entry.dueAt = now.plus(lease);
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(MailId id, Instant sentAt) {
        entries.get(id).settled = Settled.SENT;
    }

    @Override
    public synchronized void markFailed(MailId id, Instant retryAt, String error) {
        Entry entry = entries.get(id);
        entry.dueAt = retryAt;
        entry.lastError = error;
    }

    @Override
    public synchronized void markAbandoned(MailId id, Instant at, String error) {
        Entry entry = entries.get(id);
        entry.settled = Settled.ABANDONED;
        entry.lastError = error;
    }

    @Override
    public synchronized void discard(MailId id) {
        Entry entry = entries.get(id);
        if (entry != null && entry.settled == null) {
            entries.remove(id);
        }
    }

    @Override
    public synchronized void forgetSettledMailsTo(EmailAddress recipient) {
        entries.values().removeIf(e -> e.settled != null && e.mail.to().equals(recipient));
    }

    /** Every mail enqueued and not forgotten, in order. */
    public synchronized List<OutgoingMail> all() {
        return entries.values().stream().map(e -> e.mail).toList();
    }

    public synchronized OutgoingMail last() {
        List<OutgoingMail> all = all();
        return all.get(all.size() - 1);
    }

    /** How the mail was settled; empty while it waits to be sent (or when it is unknown). */
    public synchronized Optional<Settled> settlement(MailId id) {
        return Optional.ofNullable(entries.get(id)).map(entry -> entry.settled);
    }

    /** The error the mail was last failed or abandoned with; empty when none. */
    public synchronized String lastError(MailId id) {
        return entries.get(id).lastError;
    }
}
