package com.smartconnect.domain.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * What a lifecycle event of a registered UPS is about: its battery, its warranty, or the end of its Standard or
 * Advanced plan. Each has its due date (the battery's replace-by date, the warranty's end, the plan's end) and the SKU
 * a reseller would sell to resolve it.
 */
public enum LifecycleKind {
    BATTERY,
    WARRANTY,
    STANDARD_PLAN,
    ADVANCED_PLAN;

    /**
     * The SKU of the one-year warranty extension of a Smart-UPS. The catalog holds no extension per model, so every
     * reseller mail names this one; a table by model would go here.
     */
    public static final String WARRANTY_EXTENSION_SKU = "WEXTWAR1YR-SP-03";

    /** The SKU a reseller sells to resolve an event of this kind on a UPS whose battery is {@code batterySku}. */
    public String resolvingSku(String batterySku) {
        return switch (this) {
            case BATTERY -> batterySku;
            case WARRANTY -> WARRANTY_EXTENSION_SKU;
            case STANDARD_PLAN -> "SMARTCONNECT-STANDARD-1Y";
            case ADVANCED_PLAN -> "SMARTCONNECT-ADVANCED-1Y";
        };
    }

    /** The name in URLs and JSON: {@code battery}, {@code warranty}, {@code standard-plan}, {@code advanced-plan}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code slug} (as in {@link #slug()}), if there is one. */
    public static Optional<LifecycleKind> ofSlug(String slug) {
        for (LifecycleKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
