package com.smartconnect.application.mail.port.out;

import com.smartconnect.domain.account.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox of mails. A service records a mail with {@link #enqueue} inside the transaction of
 * the change that causes it; a dispatcher later claims, delivers and settles it. Nothing is sent from inside a
 * transaction, and a crash between the two loses nothing.
 */
public interface MailOutbox {

    /** Records a mail to send, as part of the current transaction. */
    void enqueue(OutgoingMail mail);

    /**
     * Claims up to {@code limit} mails that are due at {@code now} for {@code lease}: no other caller (on this
     * or another instance) claims them until the lease ends, after which an unsettled mail is due again.
     * Each claim counts as an attempt.
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
     * Deletes every mail to {@code recipient} that is not waiting to be sent: once an account is deleted, the outbox
     * must not remember whom it wrote to.
     */
    void forgetSettledMailsTo(EmailAddress recipient);

    /**
     * The delivery failed for good (a permanent error, or too many tries): it is kept, with its error but without its
     * values and recipient, and never tried again.
     */
    void markAbandoned(MailId id, Instant at, String error);
}
