package com.smartconnect.application.mail.port.out;

import java.util.Objects;

/** A mail claimed from the outbox for delivery, with the number of deliveries tried before this one. */
public record PendingMail(OutgoingMail mail, int previousAttempts) {

    public PendingMail {
        Objects.requireNonNull(mail, "mail");
    }
}
