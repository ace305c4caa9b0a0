package com.smartconnect.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;

/** Hands a rendered mail to whatever delivers it: an SMTP server, or a directory of {@code .eml} files. */
public interface MailTransport {

    /**
     * Delivers the message, or throws. The sender tells a transient failure from a permanent one by the
     * exception: Angus SMTP exceptions carry the server's reply code.
     */
    void send(MimeMessage message) throws MessagingException;

    /**
     * What to change when {@code failure} comes from this transport's set-up rather than from the mail, naming the
     * setting; empty when there is nothing to say. Never quotes a password.
     */
    default Optional<String> advice(Throwable failure) {
        return Optional.empty();
    }
}
