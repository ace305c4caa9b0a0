package com.smartconnect.application.plan.port.in;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.PlanFeature;
import java.util.Objects;

/** Asks whether a device's plan in force now includes a feature. */
public record PlanFeatureCriteria(ProductId productId, PlanFeature feature) {

    public PlanFeatureCriteria {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(feature, "feature");
    }
}
