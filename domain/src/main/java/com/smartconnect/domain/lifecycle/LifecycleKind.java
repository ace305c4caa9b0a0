package com.smartconnect.domain.lifecycle;

import com.smartconnect.domain.device.ResolvingSkus;
import java.util.Locale;
import java.util.Optional;

/**
 * What a lifecycle event of a registered UPS is about: its battery, its warranty, or the end of its Standard or
 * Advanced plan. Each has its due date (the battery's replace-by date, the warranty's end, the plan's last day) and
 * the SKU a reseller would sell to resolve it, when the catalog names one.
 */
public enum LifecycleKind {
    BATTERY,
    WARRANTY,
    STANDARD_PLAN,
    ADVANCED_PLAN;

    /**
     * The SKU a reseller sells to resolve an event of this kind on a UPS whose battery is {@code batterySku}, as its
     * catalog names it ({@code skus}); empty when the catalog names none, so that no mail carries an invented one.
     */
    public Optional<String> resolvingSku(String batterySku, ResolvingSkus skus) {
        return switch (this) {
            case BATTERY -> Optional.ofNullable(batterySku).filter(sku -> !sku.isBlank());
            case WARRANTY -> skus.warrantyExtension();
            case STANDARD_PLAN -> skus.standardPlan();
            case ADVANCED_PLAN -> skus.advancedPlan();
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
