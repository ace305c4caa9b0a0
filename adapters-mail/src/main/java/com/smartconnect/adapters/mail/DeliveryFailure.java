package com.smartconnect.adapters.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a delivery failed, read from the exception: whether trying again can help, a short reason, and the messages of
 * the cause chain on one line. None of them names the body or a full address: addresses in the chain keep only their
 * domain.
 */
record DeliveryFailure(boolean permanent, String reason, String causes) {

    /** The local part of a mail address, as a server's reply or Angus quotes it. */
    private static final Pattern LOCAL_PART = Pattern.compile("[\\w.%+!#$&'*/=?^`{|}~-]+@(?=[\\w-]+(\\.[\\w-]+)+)");
    private static final int MAX_CAUSES_LENGTH = 500;

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
        String causes = causes(failure);
        if (senderRejected) {
            // A refused sender (530 login required, 5.7.x relay denied) is our set-up's fault, not the mail's:
            // abandoning would drop every mail until someone fixes the configuration, so they wait for the fix.
            return new DeliveryFailure(false, reason, causes);
        }
        if (replyCode.isPresent()) {
            // RFC 5321: 4xx means "try again later", 5xx "do not repeat this as is".
            return new DeliveryFailure(replyCode.get() >= 500, reason, causes);
        }
        // An address rejected without a reply code was refused before reaching the server: it will not improve.
        // Everything else (refused connection, timeout, TLS handshake, login) is the server's or our set-up's
        // problem, not the mail's, so the mail waits for it to be fixed.
        return new DeliveryFailure(invalidAddress, reason, causes);
    }

    /**
     * The chain as "Type: message; caused by Type: message", on one line: the top exception alone ("MessagingException")
     * rarely says what went wrong, its causes do ("STARTTLS is required but host does not support STARTTLS").
     */
    static String causes(Throwable failure) {
        StringBuilder line = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (!line.isEmpty()) {
                line.append("; caused by ");
            }
            line.append(t.getClass().getSimpleName());
            String message = ownMessage(t);
            if (message != null && !message.isBlank()) {
                line.append(": ").append(message.strip());
            }
        }
        String oneLine = LOCAL_PART.matcher(line.toString().replaceAll("\\s+", " ")).replaceAll("…@");
        return oneLine.length() <= MAX_CAUSES_LENGTH ? oneLine : oneLine.substring(0, MAX_CAUSES_LENGTH) + "…";
    }

    // MessagingException.getMessage() appends the whole next exception, which the chain lists on its own.
    private static String ownMessage(Throwable t) {
        String message = t.getMessage();
        if (message == null || !(t instanceof MessagingException)) {
            return message;
        }
        int nested = message.indexOf(";\n  nested exception is:");
        return nested < 0 ? message : message.substring(0, nested);
    }

    /** The first exception of the chain that is of the given type. */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
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
