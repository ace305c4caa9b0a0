package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN_CHANGE;
import static com.smartconnect.adapters.persistence.jooq.Tables.PLAN_NOTICE;

import com.smartconnect.adapters.persistence.jooq.tables.records.DevicePlanChangeRecord;
import com.smartconnect.adapters.persistence.jooq.tables.records.DevicePlanRecord;
import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The plans of the devices, in table {@code device_plan} (one row per device that ever had a plan, its primary key),
 * their history, in table {@code device_plan_change} (ordered by its identity column), and the free-period notices
 * sent, in table {@code plan_notice}. Plans are kept across registrations and account deletions: nothing here refers
 * to an account.
 */
final class DatabasePlans implements PlanRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DatabaseTransactions transactions;

    DatabasePlans(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<DevicePlan> find(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_PLAN)
                .where(DEVICE_PLAN.PRODUCT_ID.eq(productId.value()))
                .fetchOptional()
                .map(DatabasePlans::plan);
    }

    /**
     * {@code SELECT ... FOR UPDATE}: the row stays locked until the caller's transaction ends (outside a transaction,
     * until the statement ends, which locks nothing worth having). A device without a plan has no row to lock.
     */
    @Override
    public Optional<DevicePlan> lock(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_PLAN)
                .where(DEVICE_PLAN.PRODUCT_ID.eq(productId.value()))
                .forUpdate()
                .fetchOptional()
                .map(DatabasePlans::plan);
    }

    /**
     * In the caller's transaction, or in one of its own: the plan and its history entry are stored together or not at
     * all. The plan is written with {@code INSERT ... ON CONFLICT (product_id) DO UPDATE} rather than an update and
     * then an insert: two first plans of one device stored at once (its registration and a plan sold for it) both
     * succeed, the later one winning, where the second insert would break the primary key and, on PostgreSQL, abort
     * the caller's transaction. Both changes are kept in the history.
     */
    @Override
    public void save(DevicePlan plan, PlanChange change) {
        if (!plan.productId().equals(change.productId())) {
            throw new IllegalArgumentException(
                    "the change of " + change.productId() + " is not in the history of " + plan.productId());
        }
        transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            upsert(dsl, row(plan, change.changedAt()));
            appendHistory(dsl, change);
            return null;
        });
    }

    @Override
    public boolean addIfAbsent(DevicePlan plan, PlanChange change) {
        if (!plan.productId().equals(change.productId())) {
            throw new IllegalArgumentException(
                    "the change of " + change.productId() + " is not in the history of " + plan.productId());
        }
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            int inserted;
            try {
                inserted = dsl.insertInto(DEVICE_PLAN).set(row(plan, change.changedAt()))
                        .onConflict(DEVICE_PLAN.PRODUCT_ID).doNothing().execute();
            } catch (DataAccessException e) {
                // H2's emulation does not see a concurrent insert until it commits; then the key refuses this one.
                if (dsl.family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                    throw e;
                }
                inserted = 0;
            }
            if (inserted == 0) {
                return false;
            }
            appendHistory(dsl, change);
            return true;
        });
    }

    private static void appendHistory(DSLContext dsl, PlanChange change) {
        dsl.insertInto(DEVICE_PLAN_CHANGE)
                .set(DEVICE_PLAN_CHANGE.PRODUCT_ID, change.productId().value())
                .set(DEVICE_PLAN_CHANGE.PLAN, change.plan().name())
                .set(DEVICE_PLAN_CHANGE.CHANGED_AT, Timestamps.column(change.changedAt()))
                .set(DEVICE_PLAN_CHANGE.ENDS_AT, Timestamps.column(change.endsAt().orElse(null)))
                .set(DEVICE_PLAN_CHANGE.REASON, change.reason().name())
                .set(DEVICE_PLAN_CHANGE.SOURCE, change.source())
                .execute();
    }

    private static void upsert(DSLContext dsl, DevicePlanRecord row) {
        try {
            dsl.insertInto(DEVICE_PLAN).set(row)
                    .onConflict(DEVICE_PLAN.PRODUCT_ID)
                    .doUpdate()
                    .set(DEVICE_PLAN.PLAN, row.getPlan())
                    .set(DEVICE_PLAN.STARTED_AT, row.getStartedAt())
                    .set(DEVICE_PLAN.ENDS_AT, row.getEndsAt())
                    .set(DEVICE_PLAN.CHANGED_AT, row.getChangedAt())
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // device; the primary key refuses it once that one commits, H2 keeps the transaction usable, and the row
            // is there to update. (The foreign key's violation, an unknown device, is another state: it is thrown.)
            if (dsl.family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            row.touched(DEVICE_PLAN.PRODUCT_ID, false);
            dsl.executeUpdate(row);
        }
    }

    /** Along the index on {@code (product_id, id)}: in the order of storing, whatever the times say. */
    @Override
    public List<PlanChange> history(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_PLAN_CHANGE)
                .where(DEVICE_PLAN_CHANGE.PRODUCT_ID.eq(productId.value()))
                .orderBy(DEVICE_PLAN_CHANGE.ID)
                .fetch(DatabasePlans::change);
    }

    /**
     * Along the index on {@code ends_at}. {@code FOR UPDATE SKIP LOCKED} locks the rows until the caller's transaction
     * ends, and makes the claims of other instances pass over them instead of waiting; outside a transaction the lock
     * ends with the statement.
     *
     * <p>In no particular order (the job ends them all, batch after batch): when H2 sorts the rows of a
     * {@code FOR UPDATE}, even along an index, it locks every row that matches before it applies the limit, so a
     * second claimer would find them all locked and claim nothing. Unsorted, it stops locking at the limit.
     */
    @Override
    public List<DevicePlan> claimEnded(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.dsl().selectFrom(DEVICE_PLAN)
                .where(DEVICE_PLAN.ENDS_AT.le(Timestamps.column(now)))
                .and(DEVICE_PLAN.PLAN.ne(Plan.BASIC.name()))
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(DatabasePlans::plan);
    }

    /**
     * Along the index on {@code (plan, ends_at)}, sorted by Product ID for the keyset pagination: each page starts
     * after the last Product ID of the one before, so that plans changed between pages neither repeat nor shift the
     * rest. Neither locks nor claims: {@link #markNoticeSent} decides which instance sends a notice.
     */
    @Override
    public List<DevicePlan> freePeriodsEndingBetween(Instant from, Instant until, int limit, Optional<ProductId> after) {
        if (limit <= 0) {
            return List.of();
        }
        Condition afterThePreviousPage = after
                .map(productId -> DEVICE_PLAN.PRODUCT_ID.gt(productId.value()))
                .orElse(DSL.noCondition());
        return transactions.dsl().selectFrom(DEVICE_PLAN)
                .where(DEVICE_PLAN.PLAN.eq(Plan.FREE_PERIOD.name()))
                .and(DEVICE_PLAN.ENDS_AT.gt(Timestamps.column(from)))
                .and(DEVICE_PLAN.ENDS_AT.le(Timestamps.column(until)))
                .and(afterThePreviousPage)
                .orderBy(DEVICE_PLAN.PRODUCT_ID)
                .limit(limit)
                .fetch(DatabasePlans::plan);
    }

    /**
     * Inserts with {@code ON CONFLICT DO NOTHING} rather than checking first or catching the key violation: a check
     * would not see a notice that a concurrent transaction recorded but has not committed, and on PostgreSQL a failed
     * statement aborts the whole transaction, which the caller's (the one that also queues the mail) must survive.
     * PostgreSQL waits for the concurrent transaction, then inserts nothing if it committed (or inserts if it rolled
     * back).
     */
    @Override
    public boolean markNoticeSent(ProductId productId, Instant endsAt, int daysBefore) {
        DSLContext dsl = transactions.dsl();
        try {
            return dsl.insertInto(PLAN_NOTICE)
                    .set(PLAN_NOTICE.PRODUCT_ID, productId.value())
                    .set(PLAN_NOTICE.ENDS_AT, Timestamps.column(endsAt))
                    .set(PLAN_NOTICE.DAYS_BEFORE, daysBefore)
                    .onConflict(PLAN_NOTICE.PRODUCT_ID, PLAN_NOTICE.ENDS_AT, PLAN_NOTICE.DAYS_BEFORE)
                    .doNothing()
                    .execute() == 1;
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // notice; the primary key, the table's only unique key, refuses it instead once that one commits. H2
            // keeps the transaction usable after that. On PostgreSQL ON CONFLICT has answered already.
            if (dsl.family() == SQLDialect.H2 && UNIQUE_VIOLATION.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    private static DevicePlanRecord row(DevicePlan plan, Instant changedAt) {
        DevicePlanRecord row = new DevicePlanRecord(plan.productId().value(), plan.plan().name(),
                Timestamps.column(plan.startedAt()), Timestamps.column(plan.endsAt().orElse(null)),
                Timestamps.column(changedAt));
        // Every column is written, Basic's null end too, so that nothing of the plan before stays.
        row.touched(true);
        return row;
    }

    /** Also for {@link DatabaseNotificationTargets}, which reads the plans of a batch of devices. */
    static DevicePlan plan(DevicePlanRecord row) {
        return new DevicePlan(new ProductId(row.getProductId()), Plan.valueOf(row.getPlan()),
                Timestamps.instant(row.getStartedAt()), Optional.ofNullable(Timestamps.instant(row.getEndsAt())));
    }

    private static PlanChange change(DevicePlanChangeRecord row) {
        return new PlanChange(new ProductId(row.getProductId()), Plan.valueOf(row.getPlan()),
                Timestamps.instant(row.getChangedAt()), Optional.ofNullable(Timestamps.instant(row.getEndsAt())),
                PlanChange.Reason.valueOf(row.getReason()), row.getSource());
    }
}
