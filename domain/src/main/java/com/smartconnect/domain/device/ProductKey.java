package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.util.regex.Pattern;

/**
 * The Product Key of a SmartConnect UPS: 14 characters {@code [A-Z0-9]} printed on its label, proof that the person
 * registering holds the device. Kept only as its {@link MachineSecretHash hash}; {@link #toString()} does not show it.
 */
public record ProductKey(String value) {

    public static final String REQUIRED = "PRODUCT_KEY_REQUIRED";
    public static final String INVALID = "INVALID_PRODUCT_KEY";
    public static final int LENGTH = 14;

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");

    public ProductKey {
        if (value == null || value.isEmpty()) {
            throw new DomainViolation(REQUIRED, "Please enter the Product Key.");
        }
        if (!FORM.matcher(value).matches()) {
            throw new DomainViolation(INVALID,
                    "The Product Key must be 14 letters and digits, as printed on the UPS label (e.g. 7KQ2M9X4B1C8DZ).");
        }
    }

    @Override
    public String toString() {
        return "ProductKey[****]";
    }
}
