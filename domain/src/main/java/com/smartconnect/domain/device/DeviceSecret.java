package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;

/**
 * The secret a UPS is provisioned with at manufacture and sends as its MQTT password: 32 to 256 printable ASCII
 * characters without spaces. Never printed, never stored in clear (only its {@link MachineSecretHash hash});
 * {@link #toString()} does not show it.
 */
public record DeviceSecret(String value) {

    public static final String REQUIRED = "DEVICE_SECRET_REQUIRED";
    public static final String INVALID = "INVALID_DEVICE_SECRET";
    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 256;

    public DeviceSecret {
        if (value == null || value.isEmpty()) {
            throw new DomainViolation(REQUIRED, "The device secret is missing.");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new DomainViolation(INVALID, "The device secret must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " printable ASCII characters without spaces.");
        }
    }

    @Override
    public String toString() {
        return "DeviceSecret[****]";
    }
}
