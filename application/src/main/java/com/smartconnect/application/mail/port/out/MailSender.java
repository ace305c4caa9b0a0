package com.smartconnect.application.mail.port.out;

/**
 * Hands one mail to the world: renders it and passes it to a mail server (or writes it as a file). It answers what
 * happened rather than throwing, and tells a failure that a later try may mend from one that it cannot.
 */
public interface MailSender {

    /** Renders and sends the mail once; called outside any transaction. */
    SendOutcome send(OutgoingMail mail);
}
