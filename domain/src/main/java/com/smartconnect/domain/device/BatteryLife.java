package com.smartconnect.domain.device;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

/**
 * How long a UPS battery lasts, by battery SKU (a table of the SKUs known, and a default for the others): the
 * replace-by date on the UPS status page is the install date plus this life.
 */
public final class BatteryLife {

    /** The life of a battery whose SKU is not in the table. */
    public static final Period DEFAULT = Period.ofYears(4);

    private static final Map<String, Period> BY_SKU = Map.of(
            "APCRBC159", Period.ofYears(4),
            "APCRBC123", Period.ofYears(3),
            "APCRBC124", Period.ofYears(3),
            "APCRBC133", Period.ofYears(4),
            "APCRBC141", Period.ofYears(5),
            "APCRBC152", Period.ofYears(5),
            "RBC7", Period.ofYears(3));

    private BatteryLife() {
    }

    /** The life of batteries of this SKU. */
    public static Period of(String batterySku) {
        return batterySku == null ? DEFAULT : BY_SKU.getOrDefault(batterySku.strip().toUpperCase(java.util.Locale.ROOT), DEFAULT);
    }

    /** When a battery of this SKU installed on that day should be replaced. */
    public static LocalDate replaceBy(String batterySku, LocalDate installedOn) {
        return installedOn.plus(of(batterySku));
    }

    /** The replace-by date when both are known. */
    public static Optional<LocalDate> replaceBy(Optional<String> batterySku, Optional<LocalDate> installedOn) {
        return installedOn.map(on -> replaceBy(batterySku.orElse(null), on));
    }
}
