package com.smartconnect.domain.plan;

import java.util.EnumSet;
import java.util.Set;

/**
 * The plans a device can be on, and what each includes: the one table of the portal. Basic monitors status only;
 * Standard adds e-mail event notifications and the event log; Advanced adds remote outlet-group reboot; the free
 * monitoring period, which every registered device starts with, has everything. Basic, Standard and Advanced are
 * declared from the lowest to the highest.
 */
public enum Plan {
    FREE_PERIOD(EnumSet.allOf(PlanFeature.class)),
    BASIC(EnumSet.of(PlanFeature.STATUS_MONITORING)),
    STANDARD(EnumSet.of(PlanFeature.STATUS_MONITORING, PlanFeature.EMAIL_EVENT_NOTIFICATIONS, PlanFeature.EVENT_LOG)),
    ADVANCED(EnumSet.allOf(PlanFeature.class));

    private final Set<PlanFeature> features;

    Plan(Set<PlanFeature> features) {
        this.features = Set.copyOf(features);
    }

    public boolean includes(PlanFeature feature) {
        return features.contains(feature);
    }

    public Set<PlanFeature> features() {
        return features;
    }

    /** Whether the plan runs until an end date (every plan but Basic, which is what a device falls back to). */
    public boolean hasEnd() {
        return this != BASIC;
    }

    /** Whether other applications (the store, a reseller's system) may activate it: the paid plans. */
    public boolean isSold() {
        return this == BASIC || this == STANDARD || this == ADVANCED;
    }
}
