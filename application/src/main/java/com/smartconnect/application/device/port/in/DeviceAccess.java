package com.smartconnect.application.device.port.in;

/** How a user sees a registered UPS: as its owner (who manages it) or as a co-worker of the owner (read-only). */
public enum DeviceAccess {
    OWNER, COWORKER
}
