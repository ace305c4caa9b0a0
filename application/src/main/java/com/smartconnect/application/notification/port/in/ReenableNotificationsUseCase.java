package com.smartconnect.application.notification.port.in;

/** The scheduled job that turns Event Notifications back on 7 days after the throttle disabled them. */
public interface ReenableNotificationsUseCase {

    /** Re-enables every device whose disabling has ended; how many. */
    int reenableDue();
}
