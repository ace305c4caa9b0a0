package com.smartconnect.domain.device;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a UPS says about itself after every connect (its birth message); the last one wins. */
public record DeviceBirth(
        String model,
        Optional<String> serialNumber,
        Optional<String> firmware,
        boolean smartConnectEnabled,
        Optional<String> batterySku,
        Optional<LocalDate> batteryInstalledOn,
        List<String> outletGroups,
        Instant sentAt) {

    public static final String INVALID = "INVALID_BIRTH";
    public static final int MAX_TEXT = 64;
    public static final int MAX_OUTLET_GROUPS = 16;
    private static final Pattern OUTLET_GROUP = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    public DeviceBirth {
        model = text("model", model);
        serialNumber = Objects.requireNonNull(serialNumber, "serialNumber").map(s -> text("serialNumber", s));
        firmware = Objects.requireNonNull(firmware, "firmware").map(s -> text("firmware", s));
        batterySku = Objects.requireNonNull(batterySku, "batterySku").map(s -> text("batterySku", s));
        Objects.requireNonNull(batteryInstalledOn, "batteryInstalledOn");
        outletGroups = List.copyOf(outletGroups);
        if (outletGroups.size() > MAX_OUTLET_GROUPS
                || !outletGroups.stream().allMatch(g -> OUTLET_GROUP.matcher(g).matches())) {
            throw new DomainViolation(INVALID, "outletGroups must be at most " + MAX_OUTLET_GROUPS
                    + " names of 1 to 16 letters, digits, _ or -");
        }
        Objects.requireNonNull(sentAt, "sentAt");
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new DomainViolation(INVALID, field + " must be 1 to " + MAX_TEXT + " printable characters");
        }
        return value.strip();
    }
}
