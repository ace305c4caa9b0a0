package com.smartconnect.adapters.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends through an SMTP server with Angus Mail, one connection per mail. Timeouts are bounded so a stuck server
 * cannot hold a dispatcher pass past the lease of the mails it claimed.
 */
public final class SmtpTransport implements MailTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Session session;

    public SmtpTransport(SmtpSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings), authenticator(settings));
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        // Transport.send(message) would use the session the message was built with, not this SMTP one.
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    Properties sessionProperties() {
        return session.getProperties();
    }

    private static Properties properties(SmtpSettings settings) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        props.setProperty("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        props.setProperty("mail.smtp.timeout", Long.toString(READ_TIMEOUT.toMillis()));
        props.setProperty("mail.smtp.writetimeout", Long.toString(READ_TIMEOUT.toMillis()));
        props.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        switch (settings.security()) {
            case NONE -> { }
            case STARTTLS -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                // Without "required", a man in the middle could strip the STARTTLS offer and read the password.
                props.setProperty("mail.smtp.starttls.required", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                props.setProperty("mail.smtp.ssl.enable", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return props;
    }

    private static Authenticator authenticator(SmtpSettings settings) {
        if (settings.user().isEmpty()) {
            return null;
        }
        PasswordAuthentication credentials =
                new PasswordAuthentication(settings.user().get(), settings.password().orElse(""));
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        };
    }
}
