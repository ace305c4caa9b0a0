package com.smartconnect.application.mail.port.out;

import java.util.Set;

/**
 * The mails the portal sends. Each names the values its template needs; the mail adapter renders them
 * (HTML and plain text) and adds the portal's public URL as {@code publicUrl}.
 */
public enum MailTemplate {
    /** The 6-digit code of a new sign-up. */
    SIGN_UP_CODE(Set.of("firstName", "code", "validMinutes")),
    /** Someone signed up with an address that already has an account: no code, a pointer to login and reset. */
    SIGN_UP_EXISTING_ACCOUNT(Set.of()),
    /** Five logins failed within 15 minutes: the account now makes each try wait; the owner should know. */
    LOGIN_ATTEMPTS_WARNING(Set.of("firstName", "failedAttempts", "windowMinutes")),
    /**
     * Someone asked for a password reset for this address. Not a mail but the request for one: the request answers
     * the same, after the same work, whether the address has an account, and delivery then lets the account context
     * decide ({@code MailPreparer}) whether a {@link #PASSWORD_RESET} goes, or nothing.
     */
    PASSWORD_RESET_REQUESTED(Set.of(), true),
    /** The single-use link that sets a new password; the adapter builds it from {@code token}. */
    PASSWORD_RESET(Set.of("firstName", "token", "validMinutes")),
    /** The password of the account was changed (by reset or in the profile). */
    PASSWORD_CHANGED(Set.of("firstName")),
    /** The account was deleted for good, at its owner's request. */
    ACCOUNT_DELETED(Set.of("firstName")),
    /** A co-worker is invited to register into the company; the adapter builds the link from {@code token}. */
    COWORKER_INVITATION(Set.of("inviterName", "companyName", "token", "validDays")),
    /** The code that confirms a new e-mail address, sent to that address. */
    EMAIL_CHANGE_CODE(Set.of("firstName", "code", "validMinutes")),
    /** To the current address: a change to another address was asked for. */
    EMAIL_CHANGE_REQUESTED(Set.of("firstName", "newEmail")),
    /** To an address that already has an account, when someone asked to move their account to it: no code. */
    EMAIL_CHANGE_ADDRESS_TAKEN(Set.of()),
    /** The code of the second step of a login, for accounts with two-factor authentication by e-mail. */
    TWO_FACTOR_LOGIN_CODE(Set.of("firstName", "code", "validMinutes")),
    /** The code that confirms turning on two-factor authentication by e-mail. */
    TWO_FACTOR_ENROLMENT_CODE(Set.of("firstName", "code", "validMinutes")),
    /** The code that confirms turning two-factor authentication off, or deleting the account. */
    TWO_FACTOR_CONFIRMATION_CODE(Set.of("firstName", "code", "validMinutes")),
    /** Two-factor authentication was turned on; {@code method} says how codes come ("authenticator app", "email"). */
    TWO_FACTOR_ENABLED(Set.of("firstName", "method")),
    /** Two-factor authentication was turned off. */
    TWO_FACTOR_DISABLED(Set.of("firstName")),
    /**
     * To a reseller: the customer ({@code customerName} of {@code companyName}) invites them to connect; the adapter
     * builds the accept link from {@code acceptToken} and the unsubscribe link from {@code unsubscribeToken}.
     */
    RESELLER_INVITATION(Set.of("customerName", "companyName", "acceptToken", "unsubscribeToken", "validDays")),
    /** To the customer: the reseller accepted and is connected. */
    RESELLER_ACCEPTED(Set.of("firstName", "resellerEmail")),
    /** To the customer: the reseller declined the invitation. */
    RESELLER_DECLINED(Set.of("firstName", "resellerEmail")),
    /** To the customer: the reseller let the invitation expire. */
    RESELLER_INVITATION_EXPIRED(Set.of("firstName", "resellerEmail", "validDays")),
    /** To the customer: the connected reseller unsubscribed, and the connection ended. */
    RESELLER_UNSUBSCRIBED(Set.of("firstName", "resellerEmail")),
    /**
     * "Upcoming changes to your SmartConnect account": the free monitoring period of the owner's device
     * ({@code deviceName}, {@code productId}) ends on {@code endsOn}, in {@code daysLeft} days; then Basic Monitoring.
     */
    FREE_PERIOD_ENDING(Set.of("firstName", "deviceName", "productId", "endsOn", "daysLeft")),
    /**
     * "Event Notification": the device ({@code deviceName}, {@code productId}) reported an event ({@code eventTitle},
     * {@code eventType}, {@code severity}) at {@code occurredAt} in its time zone {@code timeZone}; {@code advice} says
     * what to do. The adapter links the device's event log, and builds the "Unsubscribe from Email Event
     * Notifications" link (also as {@code List-Unsubscribe}) from {@code unsubscribeToken}.
     */
    EVENT_NOTIFICATION(Set.of("deviceName", "productId", "eventTitle", "eventType", "severity", "occurredAt",
            "timeZone", "advice", "unsubscribeToken")),
    /**
     * "Event Notifications Disabled", to the owner: the device sent over {@code maxNotifications} notifications within
     * {@code windowMinutes} minutes, so they are off for {@code disabledDays} days, until {@code disabledUntil} (in
     * {@code timeZone}); the adapter builds the "Enable Notifications" link from {@code enableToken}.
     */
    EVENT_NOTIFICATIONS_DISABLED(Set.of("firstName", "deviceName", "productId", "maxNotifications", "windowMinutes",
            "disabledDays", "disabledUntil", "timeZone", "enableToken")),
    /**
     * To a connected reseller, 90, 30 and 7 days before a lifecycle event of their customer's UPS and on the day:
     * the event's {@code title}, the UPS {@code model} and {@code productId}, the date it is {@code dueOn}, the
     * {@code sku} that resolves it as the catalog names it (replacement battery, warranty extension, plan; empty when
     * the catalog names none), {@code daysLeft} (0 on the day and after it), {@code when} ("in 12 days", "today",
     * "36 days ago"), and the customer's contact details; the adapter builds the unsubscribe link from {@code unsubscribeToken}.
     */
    RESELLER_LIFECYCLE_REMINDER(LifecycleValues.NAMES),
    /** To a connected reseller: the customer themself reminds them of a lifecycle event; the same values. */
    RESELLER_CUSTOMER_REMINDER(LifecycleValues.NAMES);

    /** The values of the two lifecycle mails to a reseller. */
    private static final class LifecycleValues {
        static final Set<String> NAMES = Set.of("title", "model", "productId", "dueOn", "sku", "daysLeft",
                "when", "companyName", "customerName", "customerEmail", "customerPhone", "customerJobRole", "unsubscribeToken");
    }

    private final Set<String> requiredValues;
    private final boolean preparedAtDelivery;

    MailTemplate(Set<String> requiredValues) {
        this(requiredValues, false);
    }

    MailTemplate(Set<String> requiredValues, boolean preparedAtDelivery) {
        this.requiredValues = requiredValues;
        this.preparedAtDelivery = preparedAtDelivery;
    }

    public Set<String> requiredValues() {
        return requiredValues;
    }

    /**
     * Whether this is a request for a mail rather than a mail: delivery hands it to the context that prepares it,
     * which answers the mail to send, if any; it is never rendered.
     */
    public boolean preparedAtDelivery() {
        return preparedAtDelivery;
    }
}
