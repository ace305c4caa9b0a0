package com.smartconnect.application.mail.port.out;

import com.smartconnect.domain.account.EmailAddress;

/**
 * The transactional outbox of mails, as the services see it. A service records a mail with {@link #enqueue} inside
 * the transaction of the change that causes it; mail delivery later takes it from the {@link MailDeliveryQueue}.
 * Nothing is sent from inside a transaction, and a crash between the two loses nothing.
 */
public interface MailOutbox {

    /** Records a mail to send, as part of the current transaction. */
    void enqueue(OutgoingMail mail);

    /**
     * Deletes every mail to {@code recipient} that is not waiting to be sent: once an account is deleted, the outbox
     * must not remember whom it wrote to.
     */
    void forgetSettledMailsTo(EmailAddress recipient);
}
