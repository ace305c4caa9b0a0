package com.smartconnect.application.lifecycle.port.in;

/**
 * The daily job of the reseller feature: each connected reseller is mailed about their customer's lifecycle events
 * 90, 30 and 7 days before the due date and on the day (UTC days). Any number of instances may run it at once and as
 * often as they like: each mail goes out once (recorded in the database with the mail), and a server that was off
 * over a stage's day sends that stage when it runs next, never a burst of old ones.
 */
public interface RunResellerRemindersUseCase {

    /** Sends the reminders due now; returns how many were queued. */
    int runDue();
}
