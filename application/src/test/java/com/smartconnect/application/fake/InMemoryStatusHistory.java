package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status history in a sorted map, by bucket size, Product ID and start, as the database keeps it: sums in single
 * precision (its {@code REAL} columns), so that a test passing here passes there.
 */
public final class InMemoryStatusHistory implements StatusHistoryRepository {

    private record Key(BucketSize size, String productId, Instant start) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::size).thenComparing(Key::productId)
            .thenComparing(Key::start);

    private final TreeMap<Key, StatusBucket> buckets = new TreeMap<>(ORDER);

    @Override
    public synchronized void add(Collection<StatusBucket> parts) {
        for (StatusBucket part : parts) {
            buckets.merge(new Key(part.size(), part.productId().value(), part.start()), stored(part),
                    (kept, added) -> stored(kept.plus(added)));
        }
    }

    @Override
    public synchronized List<StatusBucket> buckets(ProductId productId, BucketSize size, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return List.copyOf(buckets.subMap(new Key(size, productId.value(), from), new Key(size, productId.value(), to))
                .values());
    }

    @Override
    public synchronized Step rollUp(Instant from, Instant to, Optional<ProductId> after, int devices) {
        List<String> ids = nextDevices(BucketSize.FIVE_MINUTES, after, devices);
        int made = 0;
        for (String id : ids) {
            java.util.Map<Instant, StatusBucket> hours = new java.util.TreeMap<>();
            for (StatusBucket five : buckets.subMap(new Key(BucketSize.FIVE_MINUTES, id, BucketSize.ONE_HOUR.startOf(from)),
                    new Key(BucketSize.FIVE_MINUTES, id, to)).values()) {
                Instant hour = BucketSize.ONE_HOUR.startOf(five.start());
                hours.merge(hour, new StatusBucket(five.productId(), BucketSize.ONE_HOUR, hour,
                        five.batteryChargePercent(), five.batteryRuntimeSeconds(), five.loadPercent(),
                        five.inputVoltage()), StatusBucket::plus);
            }
            for (StatusBucket hour : hours.values()) {
                if (buckets.putIfAbsent(new Key(BucketSize.ONE_HOUR, id, hour.start()), stored(hour)) == null) {
                    made++;
                }
            }
        }
        return new Step(made, ids.isEmpty() ? Optional.empty() : Optional.of(new ProductId(ids.getLast())));
    }

    private List<String> nextDevices(BucketSize size, Optional<ProductId> after, int devices) {
        return buckets.keySet().stream().filter(k -> k.size() == size).map(Key::productId)
                .filter(id -> after.map(a -> id.compareTo(a.value()) > 0).orElse(true))
                .distinct().limit(devices).toList();
    }

    @Override
    public synchronized Step prune(BucketSize size, Instant before, Optional<ProductId> after, int devices) {
        List<String> ids = nextDevices(size, after, devices);
        List<Key> due = new ArrayList<>();
        for (String id : ids) {
            due.addAll(buckets.subMap(new Key(size, id, Instant.MIN), new Key(size, id, before)).keySet());
        }
        due.forEach(buckets::remove);
        return new Step(due.size(), ids.isEmpty() ? Optional.empty() : Optional.of(new ProductId(ids.getLast())));
    }

    public synchronized int size() {
        return buckets.size();
    }

    private static StatusBucket stored(StatusBucket b) {
        return new StatusBucket(b.productId(), b.size(), ColumnPrecision.micros(b.start()),
                real(b.batteryChargePercent()), real(b.batteryRuntimeSeconds()), real(b.loadPercent()),
                real(b.inputVoltage()));
    }

    private static MetricSummary real(MetricSummary m) {
        return new MetricSummary(m.count(), (float) m.min(), (float) m.sum(), (float) m.max());
    }

}
