package com.smartconnect.domain.device;

import com.smartconnect.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * The SKUs a reseller sells for a UPS beyond its battery, as the factory's catalog gives them for its model: the
 * warranty extension, and the Standard and Advanced plans. Each is optional: a catalog that names none leaves the
 * reseller's mail without one rather than with an invented SKU.
 */
public record ResolvingSkus(Optional<String> warrantyExtension, Optional<String> standardPlan,
        Optional<String> advancedPlan) {

    /** A catalog entry that names no SKU beyond its battery. */
    public static final ResolvingSkus NONE = new ResolvingSkus(Optional.empty(), Optional.empty(), Optional.empty());

    public ResolvingSkus {
        warrantyExtension = checked(warrantyExtension, "the warranty extension SKU");
        standardPlan = checked(standardPlan, "the Standard plan SKU");
        advancedPlan = checked(advancedPlan, "the Advanced plan SKU");
    }

    /** The SKUs of three columns of a catalog file, each blank or missing when the catalog names none. */
    public static ResolvingSkus of(String warrantyExtension, String standardPlan, String advancedPlan) {
        return new ResolvingSkus(blankless(warrantyExtension), blankless(standardPlan), blankless(advancedPlan));
    }

    private static Optional<String> blankless(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Optional<String> checked(Optional<String> sku, String label) {
        Objects.requireNonNull(sku, label);
        return sku.map(value -> Text.required(value, CatalogEntry.MAX_TEXT, label));
    }
}
