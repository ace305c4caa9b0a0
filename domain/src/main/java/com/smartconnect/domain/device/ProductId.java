package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.util.regex.Pattern;

/**
 * The Product ID of a SmartConnect UPS: 12 characters {@code [A-Z0-9]}, printed on its label, its MQTT client id
 * and user name. Exact: what people type is normalised first by {@link DeviceLabel#productId}.
 */
public record ProductId(String value) {

    public static final String REQUIRED = "PRODUCT_ID_REQUIRED";
    public static final String INVALID = "INVALID_PRODUCT_ID";
    public static final int LENGTH = 12;

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");

    public ProductId {
        if (value == null || value.isEmpty()) {
            throw new DomainViolation(REQUIRED, "Please enter the Product ID.");
        }
        if (!FORM.matcher(value).matches()) {
            throw new DomainViolation(INVALID,
                    "The Product ID must be 12 letters and digits, as printed on the UPS label (e.g. AS2104123456).");
        }
    }

    /** Whether {@code value} is a Product ID as it is, without normalising. */
    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
