package com.smartconnect.adapters.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends through an SMTP server with Angus Mail, one connection per mail. Timeouts are bounded so a stuck server
 * cannot hold a dispatcher pass past the lease of the mails it claimed.
 */
public final class SmtpTransport implements MailTransport {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final SmtpSettings settings;
    private final Session session;

    public SmtpTransport(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
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

    /**
     * Names the SMARTCONNECT_SMTP_* setting to change (the keys bootstrap reads into {@link SmtpSettings}) when the
     * failure is about TLS, the login or reaching the server: those fail every mail until the set-up changes.
     */
    @Override
    public Optional<String> advice(Throwable failure) {
        String security = settings.security().name().toLowerCase(Locale.ROOT);
        String server = settings.host() + ":" + settings.port();
        String causes = DeliveryFailure.causes(failure).toLowerCase(Locale.ROOT);
        if (settings.security() == SmtpSecurity.NONE && causes.contains("starttls")) {
            return Optional.of("the server " + server + " requires STARTTLS: set SMARTCONNECT_SMTP_TLS=starttls");
        }
        if (settings.security() == SmtpSecurity.STARTTLS && causes.contains("starttls")) {
            return Optional.of("the server " + server + " does not offer STARTTLS, which SMARTCONNECT_SMTP_TLS="
                    + security + " requires: set SMARTCONNECT_SMTP_TLS=tls for a port with TLS from the start (usually"
                    + " 465), or none for a relay on a trusted network, or point SMARTCONNECT_SMTP_HOST/PORT at a server"
                    + " that offers STARTTLS");
        }
        if (DeliveryFailure.find(failure, SSLException.class).isPresent()) {
            return Optional.of("TLS with " + server + " failed (SMARTCONNECT_SMTP_TLS=" + security + "): check that"
                    + " SMARTCONNECT_SMTP_TLS matches SMARTCONNECT_SMTP_PORT (tls for 465, starttls for 587, none for a"
                    + " plain relay) and that the server's certificate is valid for " + settings.host());
        }
        if (DeliveryFailure.find(failure, AuthenticationFailedException.class).isPresent()) {
            return Optional.of("the server " + server + " refused the login of SMARTCONNECT_SMTP_USER="
                    + settings.user().orElse("(none)") + ": check SMARTCONNECT_SMTP_USER and SMARTCONNECT_SMTP_PASSWORD");
        }
        boolean loginRequired = DeliveryFailure.find(failure, SMTPSenderFailedException.class)
                .filter(refused -> refused.getReturnCode() == 530).isPresent();
        if (loginRequired && settings.user().isEmpty()) {
            return Optional.of("the server " + server + " requires a login: set SMARTCONNECT_SMTP_USER and"
                    + " SMARTCONNECT_SMTP_PASSWORD");
        }
        if (DeliveryFailure.find(failure, ConnectException.class).isPresent()
                || DeliveryFailure.find(failure, UnknownHostException.class).isPresent()
                || DeliveryFailure.find(failure, SocketTimeoutException.class).isPresent()) {
            return Optional.of("cannot reach an SMTP server at " + server
                    + ": check SMARTCONNECT_SMTP_HOST and SMARTCONNECT_SMTP_PORT");
        }
        return Optional.empty();
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
