package com.smartconnect.adapters.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.mail.MailDeliveryService;
import com.smartconnect.application.mail.port.out.MailId;
import com.smartconnect.application.mail.port.out.MailTemplate;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.domain.account.EmailAddress;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Mails, settings and servers the mail adapter's tests share. */
final class Mails {

    static final String LOOPBACK = "127.0.0.1";
    static final MailSettings SETTINGS =
            new MailSettings("SmartConnect <no-reply@smartconnect.local>", URI.create("https://portal.example.com/"));

    private Mails() {
    }

    /** The dispatcher as bootstrap wires it: the application's delivery rule, this adapter's sender. */
    static MailDispatcher dispatcher(RecordingMailOutbox outbox, MailTransport transport, MailRenderer renderer,
            Clock clock) {
        return new MailDispatcher(new MailDeliveryService(outbox, outbox, new TransportMailSender(transport, renderer, clock),
                new DirectTransactions(), Set.of(), clock));
    }

    static OutgoingMail signUpCode(String to, String firstName, String code) {
        return new OutgoingMail(new MailId(UUID.randomUUID()), new EmailAddress(to), MailTemplate.SIGN_UP_CODE,
                Map.of("firstName", firstName, "code", code, "validMinutes", "15"));
    }

    static OutgoingMail existingAccount(String to) {
        return new OutgoingMail(new MailId(UUID.randomUUID()), new EmailAddress(to), MailTemplate.SIGN_UP_EXISTING_ACCOUNT,
                Map.of());
    }

    static GreenMail greenMailOn(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    static GreenMail greenMailOnFreePort() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return greenMail;
    }

    static SmtpTransport smtpTo(int port) {
        return new SmtpTransport(SmtpSettings.anonymous(LOOPBACK, port, SmtpSecurity.NONE));
    }

    /** A port nothing listens on, for now: the socket that held it is closed. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String part(MimeMessage message, String mimeType) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }
}
