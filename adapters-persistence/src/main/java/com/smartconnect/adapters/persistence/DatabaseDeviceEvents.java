package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_EVENT;

import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceEventRecord;
import com.smartconnect.application.port.out.DeviceEventRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Device events, in table {@code device_event}, unique by (product id, event id). A redelivery is skipped by
 * {@code ON CONFLICT DO NOTHING} (a MERGE on H2) rather than by catching a key violation, which would abort the
 * whole batch's transaction on PostgreSQL.
 */
final class DatabaseDeviceEvents implements DeviceEventRepository {

    private final DatabaseTransactions transactions;

    DatabaseDeviceEvents(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(DeviceEvent event) {
        return transactions.dsl().insertInto(DEVICE_EVENT)
                .set(DEVICE_EVENT.PRODUCT_ID, event.productId().value())
                .set(DEVICE_EVENT.EVENT_ID, event.eventId())
                .set(DEVICE_EVENT.TYPE, event.type())
                .set(DEVICE_EVENT.SEVERITY, event.severity().name())
                .set(DEVICE_EVENT.OCCURRED_AT, Timestamps.column(event.occurredAt()))
                .set(DEVICE_EVENT.RECEIVED_AT, Timestamps.column(event.receivedAt()))
                .set(DEVICE_EVENT.DETAILS, event.detailsJson())
                .onConflict(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).doNothing()
                .execute() == 1;
    }

    /**
     * One query for the events of the list already stored, then one multi-row INSERT of the others (each at most
     * once), per chunk of {@value #CHUNK} events: two round trips instead of one per event, which made the group
     * commit's committer thread the bottleneck of the MQTT endpoint (BENCHMARKS.md). {@code ON CONFLICT DO NOTHING}
     * still guards against another instance storing the same event meanwhile.
     */
    @Override
    public List<Boolean> addAll(List<DeviceEvent> events) {
        java.util.List<Boolean> added = new java.util.ArrayList<>(events.size());
        for (int from = 0; from < events.size(); from += CHUNK) {
            added.addAll(addChunk(events.subList(from, Math.min(events.size(), from + CHUNK))));
        }
        return added;
    }

    private static final int CHUNK = 1_000;

    private List<Boolean> addChunk(List<DeviceEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // Row values, so both databases look the pairs up in the primary key (a product_id IN list would read every
        // stored event of those devices).
        java.util.List<org.jooq.Row2<String, String>> keys = events.stream()
                .map(event -> org.jooq.impl.DSL.row(event.productId().value(), event.eventId())).toList();
        java.util.Set<java.util.List<String>> known = new java.util.HashSet<>();
        transactions.dsl().select(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).from(DEVICE_EVENT)
                .where(org.jooq.impl.DSL.row(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).in(keys))
                .forEach(row -> known.add(java.util.List.of(row.value1(), row.value2())));
        var insert = transactions.dsl().insertInto(DEVICE_EVENT, DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID,
                DEVICE_EVENT.TYPE, DEVICE_EVENT.SEVERITY, DEVICE_EVENT.OCCURRED_AT, DEVICE_EVENT.RECEIVED_AT,
                DEVICE_EVENT.DETAILS);
        java.util.List<Boolean> added = new java.util.ArrayList<>(events.size());
        boolean any = false;
        for (DeviceEvent event : events) {
            boolean fresh = known.add(java.util.List.of(event.productId().value(), event.eventId()));
            added.add(fresh);
            if (fresh) {
                insert = insert.values(event.productId().value(), event.eventId(), event.type(),
                        event.severity().name(), Timestamps.column(event.occurredAt()),
                        Timestamps.column(event.receivedAt()), event.detailsJson());
                any = true;
            }
        }
        if (any && transactions.dsl().dialect().family() == org.jooq.SQLDialect.H2) {
            // H2 is the embedded default of a single instance, where each device's events are stored by one group
            // committer (the server's own events have ids of their own): nothing stores them between the query and the
            // INSERT, and H2's MERGE emulation of ON CONFLICT is several times slower than a plain INSERT. Should a key
            // violation happen anyway, the batch fails unacknowledged, and its redelivery is found by the query.
            insert.execute();
        } else if (any) {
            // Another instance may store one of them between the query and the INSERT: only the rows this INSERT
            // wrote count as stored, so an event is never reported stored twice (and never notified twice).
            java.util.Set<java.util.List<String>> inserted = new java.util.HashSet<>();
            insert.onConflict(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).doNothing()
                    .returningResult(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).fetch()
                    .forEach(row -> inserted.add(java.util.List.of(row.value1(), row.value2())));
            for (int i = 0; i < events.size(); i++) {
                DeviceEvent event = events.get(i);
                if (added.get(i) && !inserted.contains(java.util.List.of(event.productId().value(), event.eventId()))) {
                    added.set(i, false);
                }
            }
        }
        return added;
    }

    @Override
    public List<DeviceEvent> eventsOf(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_EVENT)
                .where(DEVICE_EVENT.PRODUCT_ID.eq(productId.value()))
                .orderBy(DEVICE_EVENT.OCCURRED_AT, DEVICE_EVENT.RECEIVED_AT, DEVICE_EVENT.EVENT_ID)
                .fetch(DatabaseDeviceEvents::event);
    }

    @Override
    public List<DeviceEvent> newestFirst(ProductId productId, EventFilter filter, Optional<Position> after, int limit) {
        Condition where = DEVICE_EVENT.PRODUCT_ID.eq(productId.value());
        if (filter.from().isPresent()) {
            where = where.and(DEVICE_EVENT.OCCURRED_AT.ge(Timestamps.column(filter.from().get())));
        }
        if (filter.to().isPresent()) {
            where = where.and(DEVICE_EVENT.OCCURRED_AT.lt(Timestamps.column(filter.to().get())));
        }
        if (filter.type().isPresent()) {
            where = where.and(DEVICE_EVENT.TYPE.eq(filter.type().get()));
        }
        if (filter.severity().isPresent()) {
            where = where.and(DEVICE_EVENT.SEVERITY.eq(filter.severity().get().name()));
        }
        if (after.isPresent()) {
            // Keyset: strictly after the last row of the previous page in (occurred_at, event_id) descending order.
            where = where.and(DSL.row(DEVICE_EVENT.OCCURRED_AT, DEVICE_EVENT.EVENT_ID)
                    .lt(Timestamps.column(after.get().occurredAt()), after.get().eventId()));
        }
        return transactions.dsl().selectFrom(DEVICE_EVENT)
                .where(where)
                .orderBy(DEVICE_EVENT.OCCURRED_AT.desc(), DEVICE_EVENT.EVENT_ID.desc())
                .limit(limit)
                .fetch(DatabaseDeviceEvents::event);
    }

    private static DeviceEvent event(DeviceEventRecord row) {
        return new DeviceEvent(new ProductId(row.getProductId()), row.getEventId(), row.getType(),
                Severity.valueOf(row.getSeverity()), Timestamps.instant(row.getOccurredAt()),
                Timestamps.instant(row.getReceivedAt()), row.getDetails());
    }
}
