package com.smartconnect.adapters.mail;

import com.smartconnect.application.fake.InMemoryMailOutbox;
import com.smartconnect.application.mail.port.out.MailDeliveryQueue;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The in-memory outbox, remembering how each mail was settled, and able to fail like a database that went away. */
final class RecordingMailOutbox implements MailOutbox, MailDeliveryQueue {

    record Failed(MailId id, Instant retryAt, String error) {}

    record Abandoned(MailId id, Instant at, String error) {}

    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final List<MailId> sent = new CopyOnWriteArrayList<>();
    final List<Failed> failed = new CopyOnWriteArrayList<>();
    final List<Abandoned> abandoned = new CopyOnWriteArrayList<>();
    final AtomicInteger markSentFailures = new AtomicInteger();
    final AtomicInteger claimFailures = new AtomicInteger();

    @Override
    public void enqueue(OutgoingMail mail) {
        outbox.enqueue(mail);
    }

    @Override
    public List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        if (claimFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("database unreachable");
        }
        return outbox.claimDue(now, limit, lease);
    }

    @Override
    public void markSent(MailId id, Instant sentAt) {
        if (markSentFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("crash between send and markSent");
        }
        outbox.markSent(id, sentAt);
        sent.add(id);
    }

    @Override
    public void markFailed(MailId id, Instant retryAt, String error) {
        outbox.markFailed(id, retryAt, error);
        failed.add(new Failed(id, retryAt, error));
    }

    @Override
    public void markAbandoned(MailId id, Instant at, String error) {
        outbox.markAbandoned(id, at, error);
        abandoned.add(new Abandoned(id, at, error));
    }

    @Override
    public void discard(MailId id) {
        outbox.discard(id);
    }

    @Override
    public void forgetSettledMailsTo(com.smartconnect.domain.account.EmailAddress recipient) {
        outbox.forgetSettledMailsTo(recipient);
    }
}
