package com.smartconnect.domain.notification;

import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One notification of a device, as its owner set it up: who gets a mail (up to {@link #MAX_RECIPIENTS} addresses),
 * for which events (those of the chosen severities, and those of the chosen types whatever their severity), and
 * whether e-mail is on. A recipient who unsubscribes through a mail's link is taken off; the owner may add the
 * address again in the settings (resubscribing).
 *
 * @param recipients in the order given, each once
 * @param severities the severities that match
 * @param eventTypes the event types that match, whatever their severity
 * @param email the e-mail preference: off keeps the notification but sends nothing
 */
public record EventNotification(
        NotificationId id,
        ProductId productId,
        List<EmailAddress> recipients,
        Set<Severity> severities,
        SortedSet<String> eventTypes,
        boolean email) {

    public static final int MAX_RECIPIENTS = 10;
    public static final int MAX_EVENT_TYPES = 32;
    /** How many notifications a device may have. */
    public static final int MAX_PER_DEVICE = 20;
    public static final String TOO_MANY_RECIPIENTS = "TOO_MANY_RECIPIENTS";
    public static final String NOTHING_SELECTED = "NO_EVENTS_SELECTED";
    public static final String INVALID_EVENT_TYPE = "INVALID_EVENT_TYPE";
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public EventNotification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(productId, "productId");
        recipients = distinct(Objects.requireNonNull(recipients, "recipients"));
        severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        eventTypes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new DomainViolation(TOO_MANY_RECIPIENTS, "A notification can have at most " + MAX_RECIPIENTS
                    + " recipients.");
        }
        if (severities.isEmpty() && eventTypes.isEmpty()) {
            throw new DomainViolation(NOTHING_SELECTED, "Please choose at least one event type or severity.");
        }
        if (eventTypes.size() > MAX_EVENT_TYPES) {
            throw new DomainViolation(INVALID_EVENT_TYPE, "A notification can name at most " + MAX_EVENT_TYPES
                    + " event types.");
        }
        for (String type : eventTypes) {
            if (!TYPE.matcher(type).matches()) {
                throw new DomainViolation(INVALID_EVENT_TYPE, "Event types are written like ON_BATTERY.");
            }
        }
    }

    /** The notification every newly registered device starts with: its owner, warning and critical events, e-mail on. */
    public static EventNotification defaultFor(NotificationId id, ProductId productId, EmailAddress owner) {
        return new EventNotification(id, productId, List.of(owner), EnumSet.of(Severity.WARNING, Severity.CRITICAL),
                new TreeSet<>(), true);
    }

    /** Whether {@code event} is one this notification is about (whatever its e-mail preference and recipients). */
    public boolean covers(DeviceEvent event) {
        return severities.contains(event.severity()) || eventTypes.contains(event.type());
    }

    /** Whether {@code event} makes this notification send mails. */
    public boolean mails(DeviceEvent event) {
        return email && !recipients.isEmpty() && covers(event);
    }

    /** Whether {@code address} receives this notification's mails. */
    public boolean hasRecipient(EmailAddress address) {
        return recipients.contains(address);
    }

    /** This notification without {@code address} (it unsubscribed). */
    public EventNotification without(EmailAddress address) {
        List<EmailAddress> left = new ArrayList<>(recipients);
        left.remove(address);
        return new EventNotification(id, productId, left, severities, eventTypes, email);
    }

    /** This notification with {@code from} replaced by {@code to} where it was (the owner changed their address). */
    public EventNotification withRecipientReplaced(EmailAddress from, EmailAddress to) {
        List<EmailAddress> replaced = recipients.stream().map(r -> r.equals(from) ? to : r).toList();
        return new EventNotification(id, productId, replaced, severities, eventTypes, email);
    }

    private static List<EmailAddress> distinct(List<EmailAddress> given) {
        return List.copyOf(new LinkedHashSet<>(given));
    }
}
