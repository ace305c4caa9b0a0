package com.smartconnect.domain.device;

/** The commands the server sends a UPS on {@code ups/{pid}/commands}. */
public enum DeviceCommandType {
    SET_SENSITIVITY, REBOOT_OUTLET_GROUP
}
