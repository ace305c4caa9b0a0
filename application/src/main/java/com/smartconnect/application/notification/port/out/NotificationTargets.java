package com.smartconnect.application.notification.port.out;

import com.smartconnect.application.account.port.out.DeviceOwners;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.plan.DevicePlan;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the delivery of Event Notifications needs to know of the devices whose events were just stored, read in one
 * go for a whole batch: the owner, the UPS profile's time zone, the plan and the notifications. Only devices whose UPS
 * profile has notifications switched on have a target: the events of the others notify no one, so their devices cost
 * the delivery nothing but the look-up.
 */
public interface NotificationTargets {

    /**
     * The targets of those of {@code productIds} that are registered with their UPS profile's notifications on;
     * unregistered devices and those with the switch off are left out.
     */
    Map<ProductId, Target> of(Collection<ProductId> productIds);

    /**
     * One registered device as the delivery sees it.
     *
     * @param plan the device's plan row, if it ever had one (a device without one is on Basic)
     * @param notifications the device's notifications in the order they were made
     */
    record Target(DeviceOwners.DeviceOwner owner, ZoneId timeZone, Optional<DevicePlan> plan,
            List<EventNotification> notifications) {
        public Target {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(plan, "plan");
            notifications = List.copyOf(notifications);
        }
    }
}
