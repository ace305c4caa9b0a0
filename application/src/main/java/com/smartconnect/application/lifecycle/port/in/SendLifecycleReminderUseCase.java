package com.smartconnect.application.lifecycle.port.in;

/**
 * The customer's reminder to their connected reseller about a lifecycle event (UPS status page: Battery > Replace By,
 * Device > Warranty): only for an event that occurred less than 90 days ago, and once a day per event.
 */
public interface SendLifecycleReminderUseCase {

    SendLifecycleReminderResult send(SendLifecycleReminderCommand command);
}
