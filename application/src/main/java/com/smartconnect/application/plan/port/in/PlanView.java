package com.smartconnect.application.plan.port.in;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A device's plan as it is in force now (Basic once a plan has ended, even before the scheduled job recorded it),
 * what it includes, until when, and its history, oldest first.
 */
public record PlanView(ProductId productId, Plan plan, Optional<Instant> endsAt, Set<PlanFeature> features,
        List<PlanChange> history) {

    public PlanView {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(endsAt, "endsAt");
        features = Set.copyOf(features);
        history = List.copyOf(history);
    }
}
