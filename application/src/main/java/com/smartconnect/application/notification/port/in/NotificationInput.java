package com.smartconnect.application.notification.port.in;

import java.util.List;

/**
 * A notification as the owner fills it in, not validated yet: recipient addresses, severities ({@code INFO},
 * {@code WARNING}, {@code CRITICAL}), event types (such as {@code ON_BATTERY}) and the e-mail preference.
 */
public record NotificationInput(List<String> recipients, List<String> severities, List<String> eventTypes,
        boolean email) {

    public NotificationInput {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        severities = severities == null ? List.of() : List.copyOf(severities);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
