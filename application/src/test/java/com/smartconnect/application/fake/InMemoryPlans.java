package com.smartconnect.application.fake;

import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link PlanRepository} in maps. */
public final class InMemoryPlans implements PlanRepository {

    private final Map<ProductId, DevicePlan> plans = new LinkedHashMap<>();
    private final List<PlanChange> history = new ArrayList<>();
    private final Set<String> notices = new HashSet<>();

    @Override
    public synchronized Optional<DevicePlan> find(ProductId productId) {
        return Optional.ofNullable(plans.get(productId));
    }

    @Override
    public synchronized Optional<DevicePlan> lock(ProductId productId) {
        return find(productId);
    }

    @Override
    public synchronized void save(DevicePlan plan, PlanChange change) {
        requireSameDevice(plan, change);
        plans.put(plan.productId(), plan);
        history.add(change);
    }

    @Override
    public synchronized boolean addIfAbsent(DevicePlan plan, PlanChange change) {
        requireSameDevice(plan, change);
        if (plans.containsKey(plan.productId())) {
            return false;
        }
        save(plan, change);
        return true;
    }

    @Override
    public synchronized List<PlanChange> history(ProductId productId) {
        return history.stream().filter(c -> c.productId().equals(productId)).toList();
    }

    @Override
    public synchronized List<DevicePlan> claimEnded(Instant now, int limit) {
        return plans.values().stream().filter(p -> p.plan() != Plan.BASIC && p.hasEndedAt(now)).limit(limit).toList();
    }

    @Override
    public synchronized List<DevicePlan> freePeriodsEndingBetween(Instant from, Instant until, int limit,
            Optional<ProductId> after) {
        return plans.values().stream()
                .filter(p -> p.plan() == Plan.FREE_PERIOD)
                .filter(p -> p.endsAt().orElseThrow().isAfter(from) && !p.endsAt().orElseThrow().isAfter(until))
                .filter(p -> after.map(a -> p.productId().value().compareTo(a.value()) > 0).orElse(true))
                .sorted(Comparator.comparing(p -> p.productId().value()))
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean markNoticeSent(ProductId productId, Instant endsAt, int daysBefore) {
        return notices.add(productId + "|" + endsAt + "|" + daysBefore);
    }

    private static void requireSameDevice(DevicePlan plan, PlanChange change) {
        if (!plan.productId().equals(change.productId())) {
            throw new IllegalArgumentException(
                    "the change of " + change.productId() + " is not in the history of " + plan.productId());
        }
    }
}
