package com.smartconnect.domain.lifecycle;

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

    /** The name in URLs and JSON: {@code battery}, {@code warranty}, {@code standard-plan}, {@code advanced-plan}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code slug} (as in {@link #slug()}), if there is one. */
    public static java.util.Optional<LifecycleKind> ofSlug(String slug) {
        for (LifecycleKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
