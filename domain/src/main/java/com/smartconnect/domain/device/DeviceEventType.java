package com.smartconnect.domain.device;

import java.util.Optional;

/**
 * The event types the protocol names, with their severity. Devices may send types that are not here (new firmware
 * before the server knows them): those are kept with severity {@link Severity#INFO}. {@link #COMMUNICATION_LOST} and
 * {@link #COMMUNICATION_RESTORED} are the server's own, never accepted from a device.
 */
public enum DeviceEventType {
    ON_BATTERY(Severity.WARNING),
    POWER_RESTORED(Severity.INFO),
    BATTERY_LOW(Severity.CRITICAL),
    BATTERY_DISCHARGED(Severity.CRITICAL),
    REPLACE_BATTERY(Severity.CRITICAL),
    SELF_TEST_PASSED(Severity.INFO),
    SELF_TEST_FAILED(Severity.WARNING),
    OVERLOAD(Severity.CRITICAL),
    OVERLOAD_CLEARED(Severity.INFO),
    OVER_TEMPERATURE(Severity.WARNING),
    INPUT_VOLTAGE_OUT_OF_RANGE(Severity.WARNING),
    OUTPUT_OFF(Severity.WARNING),
    BATTERY_DISCONNECTED(Severity.CRITICAL),
    OUTLET_GROUP_REBOOTED(Severity.INFO),
    FIRMWARE_UPDATED(Severity.INFO),
    COMMUNICATION_LOST(Severity.WARNING),
    COMMUNICATION_RESTORED(Severity.INFO);

    private final Severity severity;

    DeviceEventType(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Whether only the server generates this type. */
    public boolean isServerOnly() {
        return this == COMMUNICATION_LOST || this == COMMUNICATION_RESTORED;
    }

    /** The known type of this name, if it is one. */
    public static Optional<DeviceEventType> known(String type) {
        for (DeviceEventType known : values()) {
            if (known.name().equals(type)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** The severity of a type as a device sent it: its own if known, {@link Severity#INFO} otherwise. */
    public static Severity severityOf(String type) {
        return known(type).map(DeviceEventType::severity).orElse(Severity.INFO);
    }
}
