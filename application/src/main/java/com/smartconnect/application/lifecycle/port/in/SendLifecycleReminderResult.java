package com.smartconnect.application.lifecycle.port.in;

import java.time.LocalDate;

/** What came of a customer's reminder to their reseller: sent, or why not. */
public sealed interface SendLifecycleReminderResult {

    /** The reminder mail is queued to the reseller. */
    record Sent(String resellerEmail) implements SendLifecycleReminderResult {
    }

    /**
     * A co-worker: the reseller connection is the owner's, so only the account owner who registered the UPS reminds
     * their reseller (a co-worker would otherwise learn the owner's reseller and write in the owner's name).
     */
    record NotOwner() implements SendLifecycleReminderResult {
    }

    /** No such device for this user, or the device has no event of that kind. */
    record NotFound() implements SendLifecycleReminderResult {
    }

    /** The customer has no connected reseller (none, or the invitation was not accepted yet). */
    record NoConnectedReseller() implements SendLifecycleReminderResult {
    }

    /** The event occurred 90 days ago or more: too old to remind anyone of. */
    record EventTooOld(LocalDate occurredOn) implements SendLifecycleReminderResult {
    }

    /** A reminder of this event was sent today already (by this user or a co-worker). */
    record AlreadySentToday() implements SendLifecycleReminderResult {
    }
}
