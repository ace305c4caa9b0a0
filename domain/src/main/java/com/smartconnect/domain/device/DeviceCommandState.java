package com.smartconnect.domain.device;

/**
 * Where a command is: waiting to be sent (pending), received by the device (delivered: it acknowledged the MQTT
 * message), answered OK or FAILED by the device's ack, or expired (the device did not take it in time, or
 * took it and did not answer).
 */
public enum DeviceCommandState {
    PENDING, DELIVERED, OK, FAILED, EXPIRED;

    /** Whether nothing changes the command any more. */
    public boolean isSettled() {
        return this == OK || this == FAILED || this == EXPIRED;
    }
}
