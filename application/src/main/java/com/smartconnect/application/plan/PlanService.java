package com.smartconnect.application.plan;

import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.FieldValidation;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.plan.port.in.ChangePlanCommand;
import com.smartconnect.application.plan.port.in.ChangePlanResult;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanFeatureCriteria;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.device.DeviceLabel;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The plans of devices: the free monitoring period a device gets when it is first registered, the plans other
 * applications activate or extend (in force at once, with history), and what the plan in force includes.
 */
public final class PlanService implements PlanQuery, ChangePlanUseCase {

    private final Clock clock;
    private final Transactions transactions;
    private final DeviceCatalog catalog;
    private final PlanRepository plans;
    private final FreePeriodPolicy freePeriod;

    @Inject
    public PlanService(Clock clock, Transactions transactions, DeviceCatalog catalog, PlanRepository plans,
            FreePeriodPolicy freePeriod) {
        this.clock = clock;
        this.transactions = transactions;
        this.catalog = catalog;
        this.plans = plans;
        this.freePeriod = freePeriod;
    }

    /**
     * Starts the free monitoring period of a device registered for the first time; a device that had a plan before
     * (registered earlier, or sold a plan) keeps it. Runs inside the registration's transaction.
     */
    public void startFreePeriodIfFirst(ProductId productId) {
        Instant now = clock.instant();
        Instant end = freePeriod.endOf(now);
        // Only where there is no plan, decided by the database: a plan sold at the same moment is never overwritten.
        plans.addIfAbsent(new DevicePlan(productId, Plan.FREE_PERIOD, now, Optional.of(end)),
                new PlanChange(productId, Plan.FREE_PERIOD, now, Optional.of(end),
                        PlanChange.Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL));
    }

    @Override
    public Optional<PlanView> planOf(ProductId productId) {
        Instant now = clock.instant();
        return plans.find(productId).map(plan -> view(plan, now));
    }

    @Override
    public boolean includes(PlanFeatureCriteria criteria) {
        Instant now = clock.instant();
        PlanFeature feature = criteria.feature();
        return plans.find(criteria.productId()).map(plan -> plan.includesAt(feature, now))
                .orElse(Plan.BASIC.includes(feature));
    }

    @Override
    public ChangePlanResult change(ChangePlanCommand command) {
        FieldValidation validation = new FieldValidation();
        Optional<ProductId> productId = validation.check("productId", () -> DeviceLabel.productId(command.productId()));
        Optional<Plan> plan = sold(command.plan());
        if (plan.isEmpty()) {
            validation.reject("plan", "INVALID_PLAN", "The plan must be BASIC, STANDARD or ADVANCED.");
        }
        Instant now = clock.instant();
        Optional<Instant> end = Optional.empty();
        if (plan.isPresent() && plan.get().hasEnd()) {
            end = endOf(command.endsOn(), now, validation);
        } else if (plan.isPresent() && command.endsOn().isPresent()) {
            validation.reject("endsOn", "END_DATE_NOT_ALLOWED", "Basic has no end date: leave endsOn out.");
        }
        if (validation.hasErrors()) {
            return new ChangePlanResult.Invalid(validation.errors());
        }
        ProductId device = productId.orElseThrow();
        if (catalog.find(device).isEmpty()) {
            return new ChangePlanResult.UnknownDevice();
        }
        Optional<Instant> ends = end;
        return transactions.inTransaction(() -> {
            Optional<DevicePlan> current = plans.lock(device);
            if (current.filter(c -> shortens(c, plan.get(), ends, now)).isPresent()) {
                return new ChangePlanResult.WouldShorten(view(current.get(), now));
            }
            boolean extension = current.filter(c -> !c.hasEndedAt(now) && c.plan() == plan.get()).isPresent();
            DevicePlan changed = new DevicePlan(device, plan.get(),
                    extension ? current.get().startedAt() : now, ends);
            plans.save(changed, new PlanChange(device, plan.get(), now, ends,
                    extension ? PlanChange.Reason.EXTENDED : PlanChange.Reason.ACTIVATED, command.source()));
            return new ChangePlanResult.Changed(view(changed, now));
        });
    }

    /**
     * Whether the change would take something away from a sold plan that still runs: a lower plan, or the same plan
     * ending earlier. (The free period may be replaced by any plan: it is what a purchase ends.)
     */
    private static boolean shortens(DevicePlan current, Plan plan, Optional<Instant> ends, Instant now) {
        if (current.hasEndedAt(now) || !current.plan().isSold() || current.plan() == Plan.BASIC) {
            return false;
        }
        if (plan.ordinal() != current.plan().ordinal()) {
            return plan.ordinal() < current.plan().ordinal();
        }
        return ends.orElseThrow().isBefore(current.endsAt().orElseThrow());
    }

    private static Optional<Plan> sold(String name) {
        try {
            Plan plan = Plan.valueOf(name.strip().toUpperCase(Locale.ROOT));
            return plan.isSold() ? Optional.of(plan) : Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** A plan runs to the end of its last day (UTC), which must be in the future. */
    private static Optional<Instant> endOf(Optional<String> endsOn, Instant now, FieldValidation validation) {
        if (endsOn.isEmpty() || endsOn.get().isBlank()) {
            validation.reject("endsOn", "END_DATE_REQUIRED", "Please give the plan's last day (YYYY-MM-DD).");
            return Optional.empty();
        }
        try {
            Instant end = LocalDate.parse(endsOn.get().strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(now)) {
                validation.reject("endsOn", "END_DATE_IN_PAST", "The plan's last day must be today or later.");
                return Optional.empty();
            }
            return Optional.of(end);
        } catch (DateTimeParseException e) {
            validation.reject("endsOn", "INVALID_DATE", "The plan's last day must be a date like 2027-12-31.");
            return Optional.empty();
        }
    }

    private PlanView view(DevicePlan plan, Instant now) {
        Plan inForce = plan.effectiveAt(now);
        return new PlanView(plan.productId(), inForce, plan.hasEndedAt(now) ? Optional.empty() : plan.endsAt(),
                inForce.features(), plans.history(plan.productId()));
    }
}
