package com.smartconnect.application.mail.port.out;

import java.util.Objects;
import java.util.UUID;

/** Identifies one mail of the outbox; also the base of its {@code Message-ID}, so receivers can drop a resend. */
public record MailId(UUID value) {

    public MailId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
