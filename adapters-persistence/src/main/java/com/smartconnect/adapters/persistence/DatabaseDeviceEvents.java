package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_EVENT;

import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceEventRecord;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Row2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Device events, in table {@code device_event}, unique by (product id, event id). A redelivery is skipped by
 * {@code ON CONFLICT DO NOTHING} (a MERGE on H2, where the batch path looks the keys up first) rather than by catching
 * a key violation, which would abort the whole batch's transaction on PostgreSQL.
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
     * Stores the events not stored yet, each at most once, and tells which it stored, per chunk of {@value #CHUNK}
     * events: on PostgreSQL one statement of constant text (so the server plans it once per connection), on H2 one
     * query for the events already stored and one multi-row INSERT of the others. One or two round trips instead of
     * one per event, which made the group commit's committer thread the bottleneck of the MQTT endpoint
     * (BENCHMARKS.md).
     */
    @Override
    public List<Boolean> addAll(List<DeviceEvent> events) {
        List<Boolean> added = new ArrayList<>(events.size());
        boolean postgres = transactions.dsl().family() == SQLDialect.POSTGRES;
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<DeviceEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            added.addAll(postgres ? addChunkOnPostgres(chunk) : addChunkOnH2(chunk));
        }
        return added;
    }

    private static final int CHUNK = 1_000;

    /**
     * Every event of the chunk not met before in it goes into one {@code INSERT ... SELECT FROM unnest(arrays)}: the
     * same text whatever the number of rows, so the driver prepares it on the server once per connection. {@code ON
     * CONFLICT DO NOTHING} skips what is stored already (by an earlier batch or, at the same time, by another
     * instance), and only the rows this INSERT wrote ({@code RETURNING}) count as stored, so an event is never
     * reported stored, or notified, twice. Timestamps travel as ISO-8601 text, cut to microseconds as
     * {@link Timestamps} cuts them.
     */
    private List<Boolean> addChunkOnPostgres(List<DeviceEvent> events) {
        Set<List<String>> first = new HashSet<>();
        List<DeviceEvent> fresh = new ArrayList<>(events.size());
        for (DeviceEvent event : events) {
            if (first.add(key(event))) {
                fresh.add(event);
            }
        }
        int n = fresh.size();
        String[] productIds = new String[n];
        String[] eventIds = new String[n];
        String[] types = new String[n];
        String[] severities = new String[n];
        String[] occurredAt = new String[n];
        String[] receivedAt = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            DeviceEvent event = fresh.get(i);
            productIds[i] = event.productId().value();
            eventIds[i] = event.eventId();
            types[i] = event.type();
            severities[i] = event.severity().name();
            occurredAt[i] = event.occurredAt().truncatedTo(ChronoUnit.MICROS).toString();
            receivedAt[i] = event.receivedAt().truncatedTo(ChronoUnit.MICROS).toString();
            details[i] = event.detailsJson();
        }
        Set<List<String>> inserted = new HashSet<>();
        // Plain JDBC for the arrays: the driver encodes every text exactly (quotes, braces, "NULL" and all).
        transactions.dsl().connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNNEST)) {
                String[][] columns = {productIds, eventIds, types, severities, occurredAt, receivedAt, details};
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(List.of(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        });
        List<Boolean> added = new ArrayList<>(events.size());
        for (DeviceEvent event : events) {
            // The first of a key that this INSERT wrote; a second of the same key in the chunk is a duplicate.
            added.add(inserted.remove(key(event)));
        }
        return added;
    }

    private static final String INSERT_UNNEST = "INSERT INTO device_event "
            + "(product_id, event_id, type, severity, occurred_at, received_at, details) "
            + "SELECT p, e, t, s, o::timestamptz, r::timestamptz, d "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
            + "AS batch (p, e, t, s, o, r, d) "
            + "ON CONFLICT (product_id, event_id) DO NOTHING RETURNING product_id, event_id";

    private static List<String> key(DeviceEvent event) {
        return List.of(event.productId().value(), event.eventId());
    }

    /**
     * H2 is the embedded default of a single instance, where each device's events are stored by one group committer
     * (the server's own events have ids of their own): nothing stores them between the query and the INSERT, and
     * H2's MERGE emulation of ON CONFLICT is several times slower than a plain INSERT. Should a key violation happen
     * anyway, the batch fails unacknowledged, and its redelivery is found by the query.
     */
    private List<Boolean> addChunkOnH2(List<DeviceEvent> events) {
        // Row values, so that the pairs are looked up in the primary key (a product_id IN list would read every
        // stored event of those devices).
        List<Row2<String, String>> keys = events.stream()
                .map(event -> DSL.row(event.productId().value(), event.eventId())).toList();
        Set<List<String>> known = new HashSet<>();
        transactions.dsl().select(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).from(DEVICE_EVENT)
                .where(DSL.row(DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID).in(keys))
                .forEach(row -> known.add(List.of(row.value1(), row.value2())));
        var insert = transactions.dsl().insertInto(DEVICE_EVENT, DEVICE_EVENT.PRODUCT_ID, DEVICE_EVENT.EVENT_ID,
                DEVICE_EVENT.TYPE, DEVICE_EVENT.SEVERITY, DEVICE_EVENT.OCCURRED_AT, DEVICE_EVENT.RECEIVED_AT,
                DEVICE_EVENT.DETAILS);
        List<Boolean> added = new ArrayList<>(events.size());
        boolean any = false;
        for (DeviceEvent event : events) {
            boolean fresh = known.add(key(event));
            added.add(fresh);
            if (fresh) {
                insert = insert.values(event.productId().value(), event.eventId(), event.type(),
                        event.severity().name(), Timestamps.column(event.occurredAt()),
                        Timestamps.column(event.receivedAt()), event.detailsJson());
                any = true;
            }
        }
        if (any) {
            insert.execute();
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
