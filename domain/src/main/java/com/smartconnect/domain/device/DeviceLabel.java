package com.smartconnect.domain.device;

import java.util.Locale;

/**
 * What people read off a UPS label (or its QR code) and type in: surrounding white space, inner spaces and dashes
 * are removed and letters upper-cased before the value is checked, so {@code " as21-0412 3456 "} is the Product ID
 * {@code AS2104123456}. Devices themselves send the exact form and are not normalised.
 */
public final class DeviceLabel {

    private DeviceLabel() {
    }

    /** The typed text without surrounding white space, inner spaces and dashes, upper-cased; null stays null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(typed.length());
        typed.strip().codePoints()
                .filter(c -> c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().toUpperCase(Locale.ROOT);
    }

    /** The Product ID a person typed; a {@link com.smartconnect.domain.common.DomainViolation} names the field. */
    public static ProductId productId(String typed) {
        return new ProductId(normalise(typed));
    }

    /** The Product Key a person typed; a {@link com.smartconnect.domain.common.DomainViolation} names the field. */
    public static ProductKey productKey(String typed) {
        return new ProductKey(normalise(typed));
    }
}
