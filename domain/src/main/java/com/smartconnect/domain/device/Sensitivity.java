package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.util.Locale;

/** How readily a UPS goes on battery for poor input power: the device sensitivity the owner sets. */
public enum Sensitivity {
    LOW, NORMAL, HIGH;

    public static final String INVALID = "INVALID_SENSITIVITY";

    /** The sensitivity named by {@code text} (any case); a {@link DomainViolation} otherwise. */
    public static Sensitivity parse(String text) {
        if (text != null) {
            for (Sensitivity s : values()) {
                if (s.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new DomainViolation(INVALID, "Please choose the sensitivity LOW, NORMAL or HIGH.");
    }
}
