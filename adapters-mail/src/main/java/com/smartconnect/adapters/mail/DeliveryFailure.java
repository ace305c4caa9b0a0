package com.smartconnect.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a delivery failed, read from the exception: whether trying again can help, and a short reason that names
 * neither the body nor the full address.
 */
record DeliveryFailure(boolean permanent, String reason) {

    static DeliveryFailure of(Throwable failure) {
        Optional<Integer> replyCode = Optional.empty();
        boolean invalidAddress = false;
        boolean senderRejected = false;
        // Angus wraps the server's reply in a chain: SendFailedException -> next -> SMTPAddressFailedException.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (replyCode.isEmpty()) {
                replyCode = replyCode(t);
            }
            senderRejected |= t instanceof SMTPSenderFailedException;
            if (t instanceof AddressException
                    || (t instanceof SendFailedException sendFailed && hasAny(sendFailed.getInvalidAddresses()))) {
                invalidAddress = true;
            }
        }
        String reason = failure.getClass().getSimpleName() + replyCode.map(code -> " (SMTP " + code + ")").orElse("");
        if (senderRejected) {
            // A refused sender (530 login required, 5.7.x relay denied) is our set-up's fault, not the mail's:
            // abandoning would drop every mail until someone fixes the configuration, so they wait for the fix.
            return new DeliveryFailure(false, reason);
        }
        if (replyCode.isPresent()) {
            // RFC 5321: 4xx means "try again later", 5xx "do not repeat this as is".
            return new DeliveryFailure(replyCode.get() >= 500, reason);
        }
        // An address rejected without a reply code was refused before reaching the server: it will not improve.
        // Everything else (refused connection, timeout, TLS handshake, login) is the server's or our set-up's
        // problem, not the mail's, so the mail waits for it to be fixed.
        return new DeliveryFailure(invalidAddress, reason);
    }

    private static Optional<Integer> replyCode(Throwable t) {
        int code = switch (t) {
            case SMTPAddressFailedException e -> e.getReturnCode();
            case SMTPSenderFailedException e -> e.getReturnCode();
            case SMTPSendFailedException e -> e.getReturnCode();
            default -> -1;
        };
        return code >= 400 && code < 600 ? Optional.of(code) : Optional.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }

    private static boolean hasAny(Object[] array) {
        return array != null && array.length > 0;
    }
}
