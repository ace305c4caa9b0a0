package com.smartconnect.application.notification;

import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;
import jakarta.inject.Inject;
import java.time.Duration;

/** Enables again the Event Notifications of devices whose 7 days of throttle have passed. */
public final class NotificationReenablingJob implements Job {

    /** The throttle disables notifications for 7 days; a minute late is no matter. */
    public static final Duration CADENCE = Duration.ofMinutes(1);

    private final ReenableNotificationsUseCase useCase;

    @Inject
    public NotificationReenablingJob(ReenableNotificationsUseCase useCase) {
        this.useCase = useCase;
    }

    @Override
    public String name() {
        return "event-notification-reenabling";
    }

    @Override
    public Duration cadence() {
        return CADENCE;
    }

    @Override
    public int runDue() {
        return useCase.reenableDue();
    }

    @Override
    public String counts() {
        return "devices whose event notifications were enabled again";
    }
}
