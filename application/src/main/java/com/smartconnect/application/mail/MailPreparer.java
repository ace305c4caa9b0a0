package com.smartconnect.application.mail;

import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request for a mail ({@link MailTemplate#preparedAtDelivery()}) into the mail to send, or into nothing. The
 * context that owns the decision implements it (whether the address has an account, whether it had enough mails this
 * hour): a request that must answer the same whatever the address only records the request, and the work that would
 * tell the two apart runs here, on mail delivery's thread, where no one waits for it.
 */
public interface MailPreparer {

    /** The requests this preparer prepares. */
    Set<MailTemplate> prepares();

    /**
     * Inside delivery's transaction: the mail that {@code request} becomes (its own id; delivery enqueues it), or
     * empty when nothing is to be sent. The request is then discarded.
     */
    Optional<OutgoingMail> prepare(OutgoingMail request);
}
