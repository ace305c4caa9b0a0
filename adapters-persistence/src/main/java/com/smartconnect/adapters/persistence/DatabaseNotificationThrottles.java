package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.NOTIFICATION_THROTTLE;

import com.smartconnect.adapters.persistence.jooq.tables.records.NotificationThrottleRecord;
import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The notification throttle of each device, in table {@code notification_throttle}: the times of its last sends, as
 * comma-separated epoch milliseconds, oldest first (an empty string for none; so they are kept to the millisecond),
 * and the end of its disabling, null while it is not disabled. A device has no row until {@link #lock} makes one,
 * and no row reads as {@link NotificationThrottle#FRESH}.
 */
final class DatabaseNotificationThrottles implements NotificationThrottleRepository {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SEPARATOR = ",";
    /** The most Product IDs in one statement. */
    private static final int CHUNK = 1_000;

    private final DatabaseTransactions transactions;

    DatabaseNotificationThrottles(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * First inserts the missing rows, fresh, with {@code INSERT ... ON CONFLICT (product_id) DO NOTHING} (a key
     * violation would abort a PostgreSQL transaction; PostgreSQL waits for a concurrent insert of the same row, then
     * inserts nothing); then locks them all with {@code SELECT ... ORDER BY product_id FOR UPDATE}. Both take the
     * devices in the order of their Product IDs, 1,000 at a time, so that two transactions never wait for each other
     * in opposite orders: the insert waits only for rows inserted by others and not committed yet, the select for
     * rows locked by others. Meant for a transaction: outside of one, the locks end with each statement.
     *
     * <p>A device must be in the catalog (the foreign key): the throttle of an unknown device is refused.
     */
    @Override
    public Map<ProductId, NotificationThrottle> lock(Collection<ProductId> productIds) {
        List<String> ids = productIds.stream().map(ProductId::value).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        DSLContext dsl = transactions.dsl();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            insertMissing(dsl, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        Map<ProductId, NotificationThrottle> locked = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            dsl.selectFrom(NOTIFICATION_THROTTLE)
                    .where(NOTIFICATION_THROTTLE.PRODUCT_ID.in(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                    .orderBy(NOTIFICATION_THROTTLE.PRODUCT_ID)
                    .forUpdate()
                    .fetch()
                    .forEach(row -> locked.put(new ProductId(row.getProductId()), throttle(row)));
        }
        return locked;
    }

    private static void insertMissing(DSLContext dsl, List<String> ids) {
        try {
            InsertValuesStep3<NotificationThrottleRecord, String, String, OffsetDateTime> insert = dsl
                    .insertInto(NOTIFICATION_THROTTLE, NOTIFICATION_THROTTLE.PRODUCT_ID,
                            NOTIFICATION_THROTTLE.RECENT_SENDS, NOTIFICATION_THROTTLE.DISABLED_UNTIL);
            for (String id : ids) {
                insert = insert.values(id, "", null);
            }
            insert.onConflict(NOTIFICATION_THROTTLE.PRODUCT_ID).doNothing().execute();
        } catch (DataAccessException e) {
            // H2 emulates ON CONFLICT with a MERGE that does not see a concurrent, uncommitted insert of the same
            // device; the primary key refuses it once that one commits, and H2 undoes the whole statement but keeps
            // the transaction usable. Then each row is inserted on its own, the rows there now passed over.
            if (dsl.family() != SQLDialect.H2 || !UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            for (String id : ids) {
                insertOneOnH2(dsl, id);
            }
        }
    }

    private static void insertOneOnH2(DSLContext dsl, String id) {
        try {
            dsl.insertInto(NOTIFICATION_THROTTLE)
                    .set(NOTIFICATION_THROTTLE.PRODUCT_ID, id)
                    .set(NOTIFICATION_THROTTLE.RECENT_SENDS, "")
                    .setNull(NOTIFICATION_THROTTLE.DISABLED_UNTIL)
                    .onConflict(NOTIFICATION_THROTTLE.PRODUCT_ID).doNothing()
                    .execute();
        } catch (DataAccessException e) {
            if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
        }
    }

    /**
     * One JDBC batch of one {@code UPDATE} per device, in the order of their Product IDs. A device without a row (one
     * not locked before) is not stored.
     */
    @Override
    public void saveAll(Map<ProductId, NotificationThrottle> throttles) {
        if (throttles.isEmpty()) {
            return;
        }
        DSLContext dsl = transactions.dsl();
        BatchBindStep batch = dsl.batch(dsl.update(NOTIFICATION_THROTTLE)
                .set(NOTIFICATION_THROTTLE.RECENT_SENDS, (String) null)
                .set(NOTIFICATION_THROTTLE.DISABLED_UNTIL, (OffsetDateTime) null)
                .where(NOTIFICATION_THROTTLE.PRODUCT_ID.eq((String) null)));
        Map<String, NotificationThrottle> byId = new TreeMap<>();
        throttles.forEach((productId, throttle) -> byId.put(productId.value(), throttle));
        byId.forEach((productId, throttle) -> batch.bind(recentSends(throttle),
                Timestamps.column(throttle.disabledUntil().orElse(null)), productId));
        batch.execute();
    }

    @Override
    public NotificationThrottle find(ProductId productId) {
        return transactions.dsl().selectFrom(NOTIFICATION_THROTTLE)
                .where(NOTIFICATION_THROTTLE.PRODUCT_ID.eq(productId.value()))
                .fetchOptional()
                .map(DatabaseNotificationThrottles::throttle)
                .orElse(NotificationThrottle.FRESH);
    }

    /**
     * Along the index on {@code disabled_until}, in the caller's transaction or one of its own: {@code FOR UPDATE SKIP
     * LOCKED} makes the jobs of other instances pass over the rows instead of waiting, and the same transaction makes
     * them fresh (nothing sent, not disabled).
     *
     * <p>In no particular order (the job re-enables them all, batch after batch): when H2 sorts the rows of a
     * {@code FOR UPDATE}, even along an index, it locks every row that matches before it applies the limit, so a
     * second job would find them all locked and re-enable nothing. Unsorted, it stops locking at the limit.
     */
    @Override
    public List<ProductId> reenableEnded(Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            DSLContext dsl = transactions.dsl();
            List<String> ended = dsl.select(NOTIFICATION_THROTTLE.PRODUCT_ID)
                    .from(NOTIFICATION_THROTTLE)
                    .where(NOTIFICATION_THROTTLE.DISABLED_UNTIL.le(Timestamps.column(now)))
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(NOTIFICATION_THROTTLE.PRODUCT_ID);
            if (ended.isEmpty()) {
                return List.of();
            }
            dsl.update(NOTIFICATION_THROTTLE)
                    .set(NOTIFICATION_THROTTLE.RECENT_SENDS, "")
                    .setNull(NOTIFICATION_THROTTLE.DISABLED_UNTIL)
                    .where(NOTIFICATION_THROTTLE.PRODUCT_ID.in(ended))
                    .execute();
            return ended.stream().map(ProductId::new).toList();
        });
    }

    private static String recentSends(NotificationThrottle throttle) {
        return throttle.recentSends().stream().map(sent -> Long.toString(sent.toEpochMilli()))
                .collect(Collectors.joining(SEPARATOR));
    }

    private static NotificationThrottle throttle(NotificationThrottleRecord row) {
        String sends = row.getRecentSends();
        List<Instant> recentSends = sends == null || sends.isEmpty()
                ? List.of()
                : Arrays.stream(sends.split(SEPARATOR)).map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)))
                        .toList();
        return new NotificationThrottle(recentSends, Optional.ofNullable(Timestamps.instant(row.getDisabledUntil())));
    }
}
