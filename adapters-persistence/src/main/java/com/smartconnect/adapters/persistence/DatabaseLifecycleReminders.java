package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.CUSTOMER_REMINDER;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_CATALOG;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_STATE;
import static com.smartconnect.adapters.persistence.jooq.Tables.RESELLER_CONNECTION;
import static com.smartconnect.adapters.persistence.jooq.Tables.RESELLER_REMINDER;

import com.smartconnect.application.lifecycle.port.out.LifecycleReminderRepository;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.lifecycle.LifecycleKind;
import com.smartconnect.domain.lifecycle.ReminderStage;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.reseller.ResellerConnectionState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The lifecycle events of the reseller reminders, and the reminders sent ({@code reseller_reminder},
 * {@code customer_reminder}). Each page of due events is one range scan along an index on the due date (the battery's
 * {@code device_state.battery_replace_by}, the catalog's {@code warranty_ends_on}, the plan's {@code ends_at}), in
 * the index's order, after the last row of the page before (keyset), joined to the device's registration and its
 * owner's open connection by their unique keys: the work grows with the events in the window, never with all devices.
 */
final class DatabaseLifecycleReminders implements LifecycleReminderRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LATEST_SENT = "latest_sent";

    private final DatabaseTransactions transactions;

    DatabaseLifecycleReminders(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<DueEvent> dueBetween(LifecycleKind kind, LocalDate from, LocalDate until, int limit,
            Optional<Position> after) {
        if (limit <= 0) {
            return List.of();
        }
        return switch (kind) {
            case BATTERY -> byDate(kind, DEVICE_STATE.BATTERY_REPLACE_BY, DEVICE_STATE.PRODUCT_ID, from, until, limit,
                    after);
            case WARRANTY -> byDate(kind, DEVICE_CATALOG.WARRANTY_ENDS_ON, DEVICE_CATALOG.PRODUCT_ID, from, until, limit,
                    after);
            case STANDARD_PLAN -> byPlanEnd(kind, Plan.STANDARD, from, until, limit, after);
            case ADVANCED_PLAN -> byPlanEnd(kind, Plan.ADVANCED, from, until, limit, after);
        };
    }

    /**
     * A page of the events due by {@code due}, in the order of that column and the Product ID of the same table (the
     * order of its index), after the previous page: the range starts at the previous page's date, so that both
     * databases seek along the index instead of filtering from the window's start on every page.
     */
    private List<DueEvent> byDate(LifecycleKind kind, Field<LocalDate> due, Field<String> key, LocalDate from,
            LocalDate until, int limit, Optional<Position> after) {
        LocalDate start = after.map(p -> LocalDate.ofInstant(p.at(), ZoneOffset.UTC)).filter(d -> d.isAfter(from))
                .orElse(from);
        Condition afterThePreviousPage = after
                .map(p -> DSL.row(due, key).gt(LocalDate.ofInstant(p.at(), ZoneOffset.UTC), p.productId().value()))
                .orElse(DSL.noCondition());
        return select(due, kind, due)
                .where(due.between(start, until))
                .and(afterThePreviousPage)
                .orderBy(due, key)
                .limit(limit)
                .fetch(row -> event(row, kind, row.get(due), row.get(due).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * A page of the plans of {@code plan} whose last day is in the window: a plan's due date is its last UTC day
     * ({@link DevicePlan#lastDayOf}), the day before its end when it ends at midnight, as every plan set with a last
     * day does. So the window is the ends after the start of {@code from} up to the start of the day after
     * {@code until}, both as instants.
     */
    private List<DueEvent> byPlanEnd(LifecycleKind kind, Plan plan, LocalDate from, LocalDate until, int limit,
            Optional<Position> after) {
        Condition afterThePreviousPage = after
                .map(p -> DSL.row(DEVICE_PLAN.ENDS_AT, DEVICE_PLAN.PRODUCT_ID)
                        .gt(Timestamps.column(p.at()), p.productId().value()))
                .orElse(DSL.noCondition());
        // The range starts at the previous page's end (or the window's start): a seek along the index on both databases.
        OffsetDateTime windowStart = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        Condition inRange = after.map(p -> p.at().atOffset(ZoneOffset.UTC)).filter(at -> at.isAfter(windowStart))
                .map(DEVICE_PLAN.ENDS_AT::ge).orElse(DEVICE_PLAN.ENDS_AT.gt(windowStart));
        OffsetDateTime end = until.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // The UTC day of the last microsecond before the end (the columns keep microseconds). A plain cast to DATE
        // would use the session's time zone (the JVM's): PostgreSQL casts the UTC wall time; H2's AT TIME ZONE keeps a
        // zoned value that its cast converts back, so there the date is read off the value's text at offset +00.
        Field<LocalDate> utcDay = transactions.dsl().family() == SQLDialect.H2
                ? DSL.field("CAST(SUBSTRING(CAST(DATEADD(MICROSECOND, -1, {0}) AT TIME ZONE 'UTC' AS VARCHAR(64)) "
                        + "FROM 1 FOR 10) AS DATE)", LocalDate.class, DEVICE_PLAN.ENDS_AT)
                : DSL.field("CAST(({0} - INTERVAL '1 microsecond') AT TIME ZONE 'UTC' AS DATE)", LocalDate.class,
                        DEVICE_PLAN.ENDS_AT);
        return select(DEVICE_PLAN.ENDS_AT, kind, utcDay)
                .join(DEVICE_PLAN).on(DEVICE_PLAN.PRODUCT_ID.eq(DEVICE_STATE.PRODUCT_ID))
                .where(DEVICE_PLAN.PLAN.eq(plan.name()))
                .and(inRange)
                .and(DEVICE_PLAN.ENDS_AT.le(end))
                .and(afterThePreviousPage)
                .orderBy(DEVICE_PLAN.ENDS_AT, DEVICE_PLAN.PRODUCT_ID)
                .limit(limit)
                .fetch(row -> {
                    Instant endsAt = Timestamps.instant(row.get(DEVICE_PLAN.ENDS_AT));
                    return event(row, kind, DevicePlan.lastDayOf(endsAt), endsAt);
                });
    }

    /**
     * The columns of a due event, with the latest stage sent about it: the smallest {@code days_before} recorded for
     * the connection, device, kind and due date, a lookup along {@code reseller_reminder}'s primary key.
     */
    private org.jooq.SelectOnConditionStep<Record> select(Field<?> due, LifecycleKind kind, Field<LocalDate> dueOn) {
        Field<Integer> latestSent = DSL.field(DSL.select(DSL.min(RESELLER_REMINDER.DAYS_BEFORE))
                .from(RESELLER_REMINDER)
                .where(RESELLER_REMINDER.CONNECTION_ID.eq(RESELLER_CONNECTION.ID))
                .and(RESELLER_REMINDER.PRODUCT_ID.eq(DEVICE_STATE.PRODUCT_ID))
                .and(RESELLER_REMINDER.KIND.eq(kind.name()))
                .and(RESELLER_REMINDER.DUE_ON.eq(dueOn))).as(LATEST_SENT);
        return transactions.dsl()
                .select(List.<org.jooq.SelectFieldOrAsterisk>of(RESELLER_CONNECTION.ID, RESELLER_CONNECTION.CUSTOMER_ID,
                        RESELLER_CONNECTION.RESELLER_EMAIL, RESELLER_CONNECTION.CONNECTED_AT, DEVICE_STATE.PRODUCT_ID,
                        DEVICE_CATALOG.MODEL, DEVICE_CATALOG.BATTERY_SKU, DEVICE_CATALOG.WARRANTY_EXTENSION_SKU,
                        DEVICE_CATALOG.STANDARD_PLAN_SKU, DEVICE_CATALOG.ADVANCED_PLAN_SKU, DEVICE_STATE.BIRTH_MODEL,
                        DEVICE_STATE.BIRTH_BATTERY_SKU, due, latestSent))
                .from(DEVICE_STATE)
                .join(DEVICE_CATALOG).on(DEVICE_CATALOG.PRODUCT_ID.eq(DEVICE_STATE.PRODUCT_ID))
                .join(DEVICE_REGISTRATION).on(DEVICE_REGISTRATION.PRODUCT_ID.eq(DEVICE_STATE.PRODUCT_ID))
                .join(RESELLER_CONNECTION).on(RESELLER_CONNECTION.OPEN_CUSTOMER_ID.eq(DEVICE_REGISTRATION.OWNER_ID)
                        .and(RESELLER_CONNECTION.STATE.eq(ResellerConnectionState.CONNECTED.name())));
    }

    private static DueEvent event(Record row, LifecycleKind kind, LocalDate dueOn, Instant at) {
        ProductId productId = new ProductId(row.get(DEVICE_STATE.PRODUCT_ID));
        String model = Optional.ofNullable(row.get(DEVICE_STATE.BIRTH_MODEL)).orElse(row.get(DEVICE_CATALOG.MODEL));
        String sku = Optional.ofNullable(row.get(DEVICE_STATE.BIRTH_BATTERY_SKU))
                .orElse(row.get(DEVICE_CATALOG.BATTERY_SKU));
        return new DueEvent(row.get(RESELLER_CONNECTION.ID), new AccountId(row.get(RESELLER_CONNECTION.CUSTOMER_ID)),
                new EmailAddress(row.get(RESELLER_CONNECTION.RESELLER_EMAIL)),
                Timestamps.instant(row.get(RESELLER_CONNECTION.CONNECTED_AT)), productId, kind, dueOn, model, sku,
                DatabaseDeviceCatalog.skus(row),
                Optional.ofNullable(row.get(LATEST_SENT, Integer.class)).flatMap(ReminderStage::ofDaysBefore),
                new Position(at, productId));
    }

    /** {@code ON CONFLICT DO NOTHING}, for the reasons of {@link DatabasePlans#markNoticeSent}. */
    @Override
    public boolean markSent(UUID connectionId, ProductId productId, LifecycleKind kind, LocalDate dueOn,
            ReminderStage stage, Instant sentAt) {
        DSLContext dsl = transactions.dsl();
        try {
            return dsl.insertInto(RESELLER_REMINDER)
                    .set(RESELLER_REMINDER.CONNECTION_ID, connectionId)
                    .set(RESELLER_REMINDER.PRODUCT_ID, productId.value())
                    .set(RESELLER_REMINDER.KIND, kind.name())
                    .set(RESELLER_REMINDER.DUE_ON, dueOn)
                    .set(RESELLER_REMINDER.DAYS_BEFORE, stage.daysBefore())
                    .set(RESELLER_REMINDER.SENT_AT, Timestamps.column(sentAt))
                    .onConflict(RESELLER_REMINDER.CONNECTION_ID, RESELLER_REMINDER.PRODUCT_ID, RESELLER_REMINDER.KIND,
                            RESELLER_REMINDER.DUE_ON, RESELLER_REMINDER.DAYS_BEFORE)
                    .doNothing()
                    .execute() == 1;
        } catch (DataAccessException e) {
            return refusedByTheKeyOnH2(dsl, e);
        }
    }

    @Override
    public boolean markCustomerReminder(ProductId productId, LifecycleKind kind, LocalDate dueOn, LocalDate on) {
        DSLContext dsl = transactions.dsl();
        try {
            return dsl.insertInto(CUSTOMER_REMINDER)
                    .set(CUSTOMER_REMINDER.PRODUCT_ID, productId.value())
                    .set(CUSTOMER_REMINDER.KIND, kind.name())
                    .set(CUSTOMER_REMINDER.DUE_ON, dueOn)
                    .set(CUSTOMER_REMINDER.SENT_ON, on)
                    .onConflict(CUSTOMER_REMINDER.PRODUCT_ID, CUSTOMER_REMINDER.KIND, CUSTOMER_REMINDER.DUE_ON,
                            CUSTOMER_REMINDER.SENT_ON)
                    .doNothing()
                    .execute() == 1;
        } catch (DataAccessException e) {
            return refusedByTheKeyOnH2(dsl, e);
        }
    }

    /**
     * H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same row; the
     * primary key refuses it once that one commits, and H2 keeps the transaction usable.
     */
    private static boolean refusedByTheKeyOnH2(DSLContext dsl, DataAccessException e) {
        if (dsl.family() == SQLDialect.H2 && UNIQUE_VIOLATION.equals(e.sqlState())) {
            return false;
        }
        throw e;
    }
}
