package com.smartconnect.application.plan.port.in;

import com.smartconnect.domain.device.ProductId;
import java.util.Optional;

/** Reads devices' plans; other use cases ask it what a device's plan includes now. */
public interface PlanQuery {

    /** The device's plan now; empty when the device never had one (it was never registered nor sold a plan). */
    Optional<PlanView> planOf(ProductId productId);

    /** Whether the device's plan in force now includes the feature; a device without a plan has Basic. */
    boolean includes(PlanFeatureCriteria criteria);
}
