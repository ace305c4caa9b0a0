package com.smartconnect.application.device;

import com.smartconnect.domain.device.DeviceEvent;
import java.time.Instant;
import java.util.List;

/**
 * What follows when device events are stored (the Event Notifications), called in the transaction that stores them,
 * so that a notification is queued exactly when its event is kept. The device context calls it without depending on
 * the context that implements it.
 */
public interface DeviceEventListener {

    /** Events just stored, newest facts of their devices; returns how many follow-ups were queued. */
    int eventsStored(List<DeviceEvent> stored, Instant now);
}
