package com.smartconnect.domain.plan;

import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a device's plan history: what it was set to, when, why, and by whom.
 *
 * @param source who made the change: {@code "portal"} for the free period and the falls to Basic, else the name of
 *     the integration (the store, a reseller's system) that activated or extended a plan
 */
public record PlanChange(ProductId productId, Plan plan, Instant changedAt, Optional<Instant> endsAt, Reason reason,
        String source) {

    /** The portal's own changes. */
    public static final String PORTAL = "portal";

    /** Why a plan changed. */
    public enum Reason {
        /** The device was registered for the first time: its free monitoring period began. */
        FREE_PERIOD_STARTED,
        /** Another plan was activated. */
        ACTIVATED,
        /** The same plan got a later end date. */
        EXTENDED,
        /** The plan ended and the device fell back to Basic. */
        ENDED
    }

    public PlanChange {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }
}
