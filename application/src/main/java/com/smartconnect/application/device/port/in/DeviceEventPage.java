package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.DeviceEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the event log, newest first, with the device's time zone (to show the times in it) and the cursor of
 * the next page, empty on the last one.
 */
public record DeviceEventPage(List<DeviceEvent> events, ZoneId timeZone, Optional<String> next) {

    public DeviceEventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(next, "next");
    }
}
