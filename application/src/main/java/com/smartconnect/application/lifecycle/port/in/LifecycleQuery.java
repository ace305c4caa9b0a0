package com.smartconnect.application.lifecycle.port.in;

import com.smartconnect.application.device.port.in.DeviceCriteria;
import java.util.List;
import java.util.Optional;

/** Reads the lifecycle events of a registered UPS, for its owner and the owner's co-workers. */
public interface LifecycleQuery {

    /** The device's lifecycle events, battery first; empty when the user may not see the device. */
    Optional<List<LifecycleEventView>> eventsOf(DeviceCriteria device);
}
