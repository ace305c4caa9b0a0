package com.smartconnect.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands a rendered mail to whatever delivers it: an SMTP server, or a directory of {@code .eml} files. */
public interface MailTransport {

    /**
     * Delivers the message, or throws. The dispatcher tells a transient failure from a permanent one by the
     * exception: Angus SMTP exceptions carry the server's reply code.
     */
    void send(MimeMessage message) throws MessagingException;
}
