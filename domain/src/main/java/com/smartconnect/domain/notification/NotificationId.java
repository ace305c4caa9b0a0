package com.smartconnect.domain.notification;

import java.util.Objects;
import java.util.UUID;

/** Identifies one notification of a device. */
public record NotificationId(UUID value) {

    public NotificationId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
