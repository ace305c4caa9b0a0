package com.smartconnect.application.mail.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The mail outbox as mail delivery sees it: the mails that are due, claimed under a lease so that no two instances
 * deliver the same one, and settled once tried. The services fill it through {@link MailOutbox}.
 */
public interface MailDeliveryQueue {

    /**
     * Claims up to {@code limit} mails that are due at {@code now}, the longest due first, for {@code lease}: no other
     * caller (on this or another instance) claims them until the lease ends, after which an unsettled mail is due
     * again. Each claim counts as an attempt.
     */
    List<PendingMail> claimDue(Instant now, int limit, Duration lease);

    /**
     * The mail was accepted by the mail server: it is never sent again, and it keeps neither its values (a code, a
     * link) nor its recipient's address.
     */
    void markSent(MailId id, Instant sentAt);

    /** The delivery failed: try again at {@code retryAt}. */
    void markFailed(MailId id, Instant retryAt, String error);

    /**
     * The delivery failed for good (a permanent error, or too many tries): it is kept, with its error but without its
     * values and recipient, and never tried again.
     */
    void markAbandoned(MailId id, Instant at, String error);

    /**
     * Deletes a mail that is not sent nor abandoned, without sending it: a request for a mail that delivery prepared
     * (into the mail it became, enqueued in the same transaction, or into nothing).
     */
    void discard(MailId id);
}
