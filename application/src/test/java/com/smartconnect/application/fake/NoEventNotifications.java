package com.smartconnect.application.fake;

import com.smartconnect.application.notification.EventNotificationDelivery;

/** The delivery of Event Notifications in a world where no device is registered: events are only logged. */
public final class NoEventNotifications {

    private NoEventNotifications() {
    }

    public static EventNotificationDelivery delivery() {
        return new EventNotificationDelivery(new ScriptedRandomSource(), InMemoryNotificationTargets.none(),
                new InMemoryNotificationThrottles(), new InMemoryMailOutbox(), new PlainLinkSigner());
    }
}
