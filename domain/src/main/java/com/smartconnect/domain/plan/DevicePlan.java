package com.smartconnect.domain.plan;

import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan a device is on: since when, and until when (every plan but Basic ends). Past its end a device is on Basic,
 * whether or not the scheduled job has recorded the fall yet: {@link #effectiveAt} says so.
 */
public record DevicePlan(ProductId productId, Plan plan, Instant startedAt, Optional<Instant> endsAt) {

    public DevicePlan {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (plan.hasEnd() != endsAt.isPresent()) {
            throw new IllegalArgumentException(plan + (plan.hasEnd() ? " needs an end" : " has no end"));
        }
        if (endsAt.isPresent() && !endsAt.get().isAfter(startedAt)) {
            throw new IllegalArgumentException("a plan ends after it starts");
        }
    }

    /**
     * The last UTC day of a plan that ends at {@code endsAt}. A plan set to end on 2027-02-01 runs through that day
     * and ends at the start of 2027-02-02: the day of the end itself would be one day late, the day of the last
     * instant before it is the day that was set.
     */
    public static LocalDate lastDayOf(Instant endsAt) {
        return LocalDate.ofInstant(endsAt.minusNanos(1), ZoneOffset.UTC);
    }

    /** The plan in force at {@code now}: this one until its end, Basic after it. */
    public Plan effectiveAt(Instant now) {
        return endsAt.filter(end -> !now.isBefore(end)).isPresent() ? Plan.BASIC : plan;
    }

    /** Whether the plan has ended at {@code now} and the device must fall back to Basic. */
    public boolean hasEndedAt(Instant now) {
        return endsAt.filter(end -> !now.isBefore(end)).isPresent();
    }

    public boolean includesAt(PlanFeature feature, Instant now) {
        return effectiveAt(now).includes(feature);
    }
}
