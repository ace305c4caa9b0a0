package com.smartconnect.domain.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A time a UPS ran on battery, from its event log: from an {@code ON_BATTERY} event to the next
 * {@code POWER_RESTORED}; {@code to} is empty while it still runs on battery.
 */
public record OnBatteryPeriod(Instant from, Optional<Instant> to) {

    public OnBatteryPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The periods within {@code [from, to)}: {@code onBatteryAtFrom} says whether the device was on battery at
     * {@code from} (its last such event before was {@code ON_BATTERY}); {@code events} are those of the span, in any
     * order. A period that began before {@code from} begins at {@code from}; a repeated {@code ON_BATTERY} (a redelivery
     * under another id, or a restore that was lost) continues the period it is in.
     */
    public static List<OnBatteryPeriod> within(Instant from, boolean onBatteryAtFrom, List<DeviceEvent> events) {
        List<DeviceEvent> sorted = events.stream()
                .filter(e -> isOnBattery(e) || isPowerRestored(e))
                .sorted(Comparator.comparing(DeviceEvent::occurredAt).thenComparing(DeviceEvent::receivedAt))
                .toList();
        List<OnBatteryPeriod> periods = new ArrayList<>();
        Optional<Instant> start = onBatteryAtFrom ? Optional.of(from) : Optional.empty();
        for (DeviceEvent event : sorted) {
            if (isOnBattery(event) && start.isEmpty()) {
                start = Optional.of(event.occurredAt().isBefore(from) ? from : event.occurredAt());
            } else if (isPowerRestored(event) && start.isPresent()) {
                periods.add(new OnBatteryPeriod(start.get(), Optional.of(event.occurredAt())));
                start = Optional.empty();
            }
        }
        start.ifPresent(s -> periods.add(new OnBatteryPeriod(s, Optional.empty())));
        return periods;
    }

    public static boolean isOnBattery(DeviceEvent event) {
        return event.type().equals(DeviceEventType.ON_BATTERY.name());
    }

    public static boolean isPowerRestored(DeviceEvent event) {
        return event.type().equals(DeviceEventType.POWER_RESTORED.name());
    }
}
