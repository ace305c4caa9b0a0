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
