package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.STATUS_HISTORY_FIVE_MINUTES;
import static com.smartconnect.adapters.persistence.jooq.Tables.STATUS_HISTORY_HOURLY;

import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The status history in tables {@code status_history_five_minutes} and {@code status_history_hourly} (the same
 * columns): one row per device and bucket. A batch of the group commit writes its buckets in one statement, an
 * {@code INSERT ... ON CONFLICT DO UPDATE} that adds the parts to their rows (a {@code MERGE} on H2). Only the ingest
 * adds to buckets, and a device's messages always go to the same committer, so two writers never race to make a row.
 * The hourly rows are rolled up with {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}, once.
 */
final class DatabaseStatusHistory implements StatusHistoryRepository {

    /** Rows per statement: 18 values each, far below the drivers' limit of bind values. */
    private static final int CHUNK = 1_000;
    /**
     * Rows per statement on H2: its {@code MERGE} takes the rows as a {@code UNION ALL} of selects, which H2's parser
     * reads recursively; 1,000 rows overflowed a thread's stack.
     */
    private static final int H2_CHUNK = 100;

    private final DatabaseTransactions transactions;

    DatabaseStatusHistory(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /** The columns of both tables, named as in the migration. */
    private record Columns(Table<?> table, Field<String> productId, Field<OffsetDateTime> start,
            List<Metric> metrics) {

        List<Field<?>> all() {
            List<Field<?>> fields = new ArrayList<>(List.of(productId, start));
            metrics.forEach(m -> fields.addAll(List.of(m.count, m.min, m.sum, m.max)));
            return fields;
        }
    }

    private record Metric(Field<Integer> count, Field<Float> min, Field<Float> sum, Field<Float> max) {
    }

    private static final Columns FIVE_MINUTES = columns(STATUS_HISTORY_FIVE_MINUTES);
    private static final Columns HOURLY = columns(STATUS_HISTORY_HOURLY);

    private static Columns columns(Table<?> table) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : List.of("charge", "runtime", "load", "input_voltage")) {
            metrics.add(new Metric(field(table, name + "_count", Integer.class), field(table, name + "_min", Float.class),
                    field(table, name + "_sum", Float.class), field(table, name + "_max", Float.class)));
        }
        return new Columns(table, field(table, "product_id", String.class),
                field(table, "bucket_start", OffsetDateTime.class), List.copyOf(metrics));
    }

    private static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<T> field = table.field(name, type);
        if (field == null) {
            throw new IllegalStateException(table.getName() + " has no column " + name);
        }
        return field;
    }

    private static Columns of(BucketSize size) {
        return switch (size) {
            case FIVE_MINUTES -> FIVE_MINUTES;
            case ONE_HOUR -> HOURLY;
        };
    }

    @Override
    public void add(Collection<StatusBucket> parts) {
        DSLContext dsl = transactions.dsl();
        int chunk = dsl.dialect().family() == org.jooq.SQLDialect.H2 ? H2_CHUNK : CHUNK;
        for (BucketSize size : BucketSize.values()) {
            List<StatusBucket> ofSize = parts.stream().filter(p -> p.size() == size).toList();
            for (int from = 0; from < ofSize.size(); from += chunk) {
                upsert(dsl, of(size), ofSize.subList(from, Math.min(ofSize.size(), from + chunk)));
            }
        }
    }

    private static void upsert(DSLContext dsl, Columns c, List<StatusBucket> parts) {
        var insert = dsl.insertInto(c.table()).columns(c.all());
        for (StatusBucket part : parts) {
            List<Object> values = new ArrayList<>(List.of(part.productId().value(), Timestamps.column(part.start())));
            for (MetricSummary m : metrics(part)) {
                values.addAll(List.of(m.count(), (float) m.min(), (float) m.sum(), (float) m.max()));
            }
            insert = insert.values(values);
        }
        java.util.Map<Field<?>, Field<?>> set = new java.util.LinkedHashMap<>();
        for (Metric m : c.metrics()) {
            Field<Integer> added = DSL.excluded(m.count());
            // A side without values (count 0) has no minimum or maximum to compare.
            set.put(m.min(), DSL.when(m.count().eq(0), DSL.excluded(m.min())).when(added.eq(0), m.min())
                    .otherwise(DSL.least(m.min(), DSL.excluded(m.min()))));
            set.put(m.max(), DSL.when(m.count().eq(0), DSL.excluded(m.max())).when(added.eq(0), m.max())
                    .otherwise(DSL.greatest(m.max(), DSL.excluded(m.max()))));
            set.put(m.sum(), m.sum().plus(DSL.excluded(m.sum())));
            set.put(m.count(), m.count().plus(added));
        }
        insert.onConflict(c.productId(), c.start()).doUpdate().set(set).execute();
    }

    private static List<MetricSummary> metrics(StatusBucket b) {
        return List.of(b.batteryChargePercent(), b.batteryRuntimeSeconds(), b.loadPercent(), b.inputVoltage());
    }

    @Override
    public List<StatusBucket> buckets(ProductId productId, BucketSize size, Instant from, Instant to) {
        Columns c = of(size);
        return transactions.dsl().select(c.all()).from(c.table())
                .where(c.productId().eq(productId.value()))
                .and(c.start().ge(Timestamps.column(from)))
                .and(c.start().lt(Timestamps.column(to)))
                .orderBy(c.start())
                .fetch(r -> bucket(r, c, productId, size));
    }

    private static StatusBucket bucket(Record r, Columns c, ProductId productId, BucketSize size) {
        List<MetricSummary> m = new ArrayList<>();
        for (Metric metric : c.metrics()) {
            int count = r.get(metric.count());
            m.add(count == 0 ? MetricSummary.NONE : new MetricSummary(count, r.get(metric.min()), r.get(metric.sum()),
                    r.get(metric.max())));
        }
        return new StatusBucket(productId, size, Timestamps.instant(r.get(c.start())), m.get(0), m.get(1), m.get(2),
                m.get(3));
    }

    @Override
    public Step rollUp(Instant from, Instant to, Optional<ProductId> after, int devices) {
        DSLContext dsl = transactions.dsl();
        List<String> ids = nextDevices(dsl, FIVE_MINUTES, after, devices);
        if (ids.isEmpty()) {
            return new Step(0, Optional.empty());
        }
        int made = 0;
        for (Instant hour = BucketSize.ONE_HOUR.startOf(from); hour.isBefore(to); hour = hour.plus(BucketSize.ONE_HOUR.length())) {
            List<org.jooq.SelectField<?>> fields = new ArrayList<>();
            fields.add(FIVE_MINUTES.productId());
            fields.add(DSL.val(Timestamps.column(hour)));
            for (Metric m : FIVE_MINUTES.metrics()) {
                fields.add(DSL.coalesce(DSL.sum(m.count()), java.math.BigDecimal.ZERO).cast(Integer.class));
                // A bucket without the measurement (count 0) has no minimum or maximum to take.
                fields.add(DSL.coalesce(DSL.min(DSL.when(m.count().gt(0), m.min())), 0f));
                fields.add(DSL.coalesce(DSL.sum(m.sum()), java.math.BigDecimal.ZERO).cast(Float.class));
                fields.add(DSL.coalesce(DSL.max(DSL.when(m.count().gt(0), m.max())), 0f));
            }
            made += dsl.insertInto(HOURLY.table()).columns(HOURLY.all())
                    .select(dsl.select(fields).from(FIVE_MINUTES.table())
                            .where(FIVE_MINUTES.productId().in(ids))
                            .and(FIVE_MINUTES.start().ge(Timestamps.column(hour)))
                            .and(FIVE_MINUTES.start().lt(Timestamps.column(hour.plus(BucketSize.ONE_HOUR.length()))))
                            .groupBy(FIVE_MINUTES.productId()))
                    .onDuplicateKeyIgnore()
                    .execute();
        }
        return new Step(made, Optional.of(new ProductId(ids.getLast())));
    }

    /** The next devices by the primary key's first column: an index range, not a scan of the table. */
    private static List<String> nextDevices(DSLContext dsl, Columns c, Optional<ProductId> after, int devices) {
        return dsl.selectDistinct(c.productId()).from(c.table())
                .where(after.map(a -> c.productId().gt(a.value())).orElse(DSL.noCondition()))
                .orderBy(c.productId())
                .limit(devices)
                .fetch(c.productId());
    }

    @Override
    public Step prune(BucketSize size, Instant before, Optional<ProductId> after, int devices) {
        Columns c = of(size);
        DSLContext dsl = transactions.dsl();
        List<String> ids = nextDevices(dsl, c, after, devices);
        if (ids.isEmpty()) {
            return new Step(0, Optional.empty());
        }
        int deleted = dsl.deleteFrom(c.table())
                .where(c.productId().in(ids))
                .and(c.start().lt(Timestamps.column(before)))
                .execute();
        return new Step(deleted, Optional.of(new ProductId(ids.getLast())));
    }
}
