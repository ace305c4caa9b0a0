package com.smartconnect.adapters.mail;

import com.smartconnect.application.mail.port.out.MailSender;
import com.smartconnect.application.mail.port.out.OutgoingMail;
import com.smartconnect.application.mail.port.out.SendOutcome;
import com.smartconnect.application.mail.port.out.SendOutcome.FailureKind;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MailSender} of the portal: renders a mail with its Mustache templates ({@link MailRenderer}) and hands
 * it to a {@link MailTransport} (SMTP, {@code .eml} files, or the embedding application's), then reads a failure's
 * exception to tell whether a later try can help.
 */
public final class TransportMailSender implements MailSender {

    private final MailTransport transport;
    private final MailRenderer renderer;
    private final Clock clock;

    public TransportMailSender(MailTransport transport, MailRenderer renderer, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SendOutcome send(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = renderer.render(mail);
            message.setSentDate(Date.from(clock.instant()));
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + " while rendering";
            return new SendOutcome.Failed(FailureKind.UNRENDERABLE, reason + ": " + e.getMessage(), reason,
                    Optional.empty());
        }
        try {
            transport.send(message);
            return new SendOutcome.Sent();
        } catch (Exception e) {
            DeliveryFailure failure = DeliveryFailure.of(e);
            return new SendOutcome.Failed(failure.permanent() ? FailureKind.PERMANENT : FailureKind.TEMPORARY,
                    failure.reason() + ": " + e.getMessage(), failure.causes(), advice(e));
        }
    }

    // A set-up problem (TLS, login, an unreachable server) fails every mail the same way: say what to change.
    private Optional<String> advice(Exception cause) {
        try {
            return transport.advice(cause);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
