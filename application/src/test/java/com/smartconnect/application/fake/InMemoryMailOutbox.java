package com.smartconnect.application.fake;

import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailOutbox;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.PendingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link MailOutbox} in memory, with the same claim, lease and settle rules as the database one. */
public final class InMemoryMailOutbox implements MailOutbox {

    private final Map<MailId, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final OutgoingMail mail;
        Instant dueAt = Instant.MIN;
        int attempts;
        boolean settled;
        String lastError = "";

        Entry(OutgoingMail mail) {
            this.mail = mail;
        }
    }

    @Override
    public synchronized void enqueue(OutgoingMail mail) {
        entries.put(mail.id(), new Entry(mail));
    }

    @Override
    public synchronized List<PendingMail> claimDue(Instant now, int limit, Duration lease) {
        List<PendingMail> claimed = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (claimed.size() == limit) {
                break;
            }
            if (!entry.settled && !entry.dueAt.isAfter(now)) {
                claimed.add(new PendingMail(entry.mail, entry.attempts));
                entry.attempts++;
                entry.dueAt = now.plus(lease);
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(MailId id, Instant sentAt) {
        entries.get(id).settled = true;
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
        entry.settled = true;
        entry.lastError = error;
    }

    @Override
    public synchronized void forgetSettledMailsTo(com.smartconnect.domain.account.EmailAddress recipient) {
        entries.values().removeIf(e -> e.settled && e.mail.to().equals(recipient));
    }

    /** Every mail ever enqueued, in order. */
    public synchronized List<OutgoingMail> all() {
        return entries.values().stream().map(e -> e.mail).toList();
    }

    public synchronized OutgoingMail last() {
        List<OutgoingMail> all = all();
        return all.get(all.size() - 1);
    }
}
