package com.smartconnect.application.plan.port.out;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plan of each device and its history, and the record of the free-period notices sent. */
public interface PlanRepository {

    Optional<DevicePlan> find(ProductId productId);

    /** The device's plan, locked until the transaction ends, so that changes to one device's plan queue up. */
    Optional<DevicePlan> lock(ProductId productId);

    /** Stores the device's plan (replacing the one it had) and appends {@code change} to its history, together. */
    void save(DevicePlan plan, PlanChange change);

    /**
     * Stores the device's first plan and its history entry, unless the device has a plan already (stored by another
     * request, even one not committed yet): false then, and nothing is written.
     */
    boolean addIfAbsent(DevicePlan plan, PlanChange change);

    /** The device's plan history, oldest first. */
    List<PlanChange> history(ProductId productId);

    /**
     * Plans other than Basic whose end is at or before {@code now}, at most {@code limit}, locked until the transaction
     * ends and skipped by other instances meanwhile (claims of the scheduled job).
     */
    List<DevicePlan> claimEnded(Instant now, int limit);

    /** Free periods that end after {@code from} and at or before {@code until}: those a notice may be due for. */
    List<DevicePlan> freePeriodsEndingBetween(Instant from, Instant until, int limit, Optional<ProductId> after);

    /**
     * Records that the notice {@code daysBefore} the end {@code endsAt} of the device's free period was sent; false
     * if it was recorded already (by an earlier run or another instance), which is how each notice goes out once.
     */
    boolean markNoticeSent(ProductId productId, Instant endsAt, int daysBefore);
}
