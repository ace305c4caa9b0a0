package com.smartconnect.application.notification.port.in;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Email Notifications settings of a device.
 *
 * @param notificationsOn the UPS profile's switch
 * @param plan the plan in force
 * @param sentOnPlan whether the plan includes e-mail event notifications
 * @param notice what keeps mails from going out, if anything does (the plan, the switch, a disabling)
 * @param disabledUntil while the throttle has disabled the device's notifications, until when
 */
public record NotificationSettingsView(ProductId productId, boolean notificationsOn, String plan, boolean sentOnPlan,
        Optional<String> notice, Optional<Instant> disabledUntil, List<EventNotification> notifications) {

    public NotificationSettingsView {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(disabledUntil, "disabledUntil");
        notifications = List.copyOf(notifications);
    }
}
