package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;
import static com.smartconnect.adapters.persistence.jooq.Tables.EVENT_NOTIFICATION;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.smartconnect.application.notification.port.out.NotificationTargets;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.plan.DevicePlan;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The targets of the delivery of Event Notifications, read for a whole batch of devices in one statement per 1,000
 * devices, whatever the size of the batch otherwise: the registrations joined with their owners' accounts and, left
 * joined, their plans (as {@link DatabaseDeviceOwners} and {@link DatabasePlans} read them) and their notifications,
 * grouped by device in memory, each device's in the order they were made. One statement, so one snapshot.
 *
 * <p>It runs in every group commit of the MQTT endpoint that stores an event, where each round trip counts
 * (BENCHMARKS.md), so what it read (a target, or that a device has none) is kept in a Caffeine cache, and a batch
 * whose devices are all cached makes no round trip. The database stays the truth: every write of this instance into
 * the tables a target is read from ({@link #SOURCES}, heard by {@link TableWrites}) empties the cache when its
 * transaction ends, and the writing transaction itself reads past the cache; what another instance writes is seen
 * after {@link #CACHE_TTL} at the latest. A read that raced with a change does not fill the cache (a generation
 * count), so a target read before a commit never outlives that commit's emptying.
 */
final class DatabaseNotificationTargets implements NotificationTargets {

    /** The most Product IDs in one {@code IN} list. */
    static final int CHUNK = 1_000;
    /** How long a change made on another instance may go unseen here. */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final int CACHE_SIZE = 100_000;

    /** The tables a target is read from; the account's too, because deleting an account deletes its devices'. */
    static final List<org.jooq.Table<?>> SOURCES = List.of(DEVICE_REGISTRATION, ACCOUNT, DEVICE_PLAN,
            EVENT_NOTIFICATION);

    private final DatabaseTransactions transactions;
    private final Cache<ProductId, Optional<Target>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(CACHE_SIZE).build();
    /** Counts the emptyings; a read fills the cache only if none came between its start and its filling. */
    private volatile long generation;
    private final ReadWriteLock fill = new ReentrantReadWriteLock();
    /** Set on the thread of a transaction that changed a source: it reads past the cache until it ends. */
    private final ThreadLocal<Boolean> changedHere = new ThreadLocal<>();

    DatabaseNotificationTargets(DatabaseTransactions transactions, TableWrites writes) {
        this.transactions = transactions;
        writes.onWrite(this::sourceWritten);
    }

    @Override
    public Map<ProductId, Target> of(Collection<ProductId> productIds) {
        if (changedHere.get() != null) {
            return read(productIds);
        }
        long started = generation;
        Map<ProductId, Target> targets = new HashMap<>();
        List<ProductId> missing = new ArrayList<>();
        for (ProductId productId : productIds) {
            Optional<Target> cached = cache.getIfPresent(productId);
            if (cached == null) {
                missing.add(productId);
            } else {
                cached.ifPresent(target -> targets.put(productId, target));
            }
        }
        if (missing.isEmpty()) {
            return targets;
        }
        Map<ProductId, Target> read = read(missing);
        targets.putAll(read);
        fill.readLock().lock();
        try {
            if (generation == started) {
                missing.forEach(productId -> cache.put(productId, Optional.ofNullable(read.get(productId))));
            }
        } finally {
            fill.readLock().unlock();
        }
        return targets;
    }

    /**
     * Outside a transaction the change is visible now; inside one, only once it commits (until then another reader
     * reads the old target, which the emptying at its end removes again).
     */
    private void sourceWritten() {
        if (!transactions.inTransaction()) {
            empty();
        } else if (changedHere.get() == null) {
            changedHere.set(Boolean.TRUE);
            transactions.whenDone(() -> {
                changedHere.remove();
                empty();
            });
        }
    }

    private void empty() {
        fill.writeLock().lock();
        try {
            generation++;
            cache.invalidateAll();
        } finally {
            fill.writeLock().unlock();
        }
    }

    private Map<ProductId, Target> read(Collection<ProductId> productIds) {
        List<String> ids = productIds.stream().map(ProductId::value).distinct().sorted().toList();
        DSLContext dsl = transactions.dsl();
        Map<ProductId, Target> targets = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            targetsOf(dsl, ids.subList(from, Math.min(ids.size(), from + CHUNK)), targets);
        }
        return targets;
    }

    private static final List<Field<?>> COLUMNS = columns();

    private static List<Field<?>> columns() {
        List<Field<?>> columns = new ArrayList<>(DatabaseDeviceOwners.OWNER_COLUMNS);
        columns.add(DEVICE_REGISTRATION.PRODUCT_ID);
        columns.add(DEVICE_REGISTRATION.TIME_ZONE);
        columns.addAll(List.of(DEVICE_PLAN.fields()));
        columns.addAll(List.of(EVENT_NOTIFICATION.fields()));
        return List.copyOf(columns);
    }

    /**
     * One row per notification of a registered device with its UPS profile's notifications on (one without
     * notifications: one row, its notification columns null), each device's in the order they were made.
     */
    private final KeyLists.Select targetsQuery = new KeyLists.Select(DEVICE_REGISTRATION.PRODUCT_ID, COLUMNS,
            which -> DSL.select(COLUMNS)
                    .from(DEVICE_REGISTRATION)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(DEVICE_REGISTRATION.OWNER_ID))
                    .leftJoin(DEVICE_PLAN).on(DEVICE_PLAN.PRODUCT_ID.eq(DEVICE_REGISTRATION.PRODUCT_ID))
                    .leftJoin(EVENT_NOTIFICATION).on(EVENT_NOTIFICATION.PRODUCT_ID.eq(DEVICE_REGISTRATION.PRODUCT_ID))
                    .where(which)
                    // Only where the UPS profile's switch is on: elsewhere nothing is notified.
                    .and(DEVICE_REGISTRATION.NOTIFICATIONS.isTrue())
                    .orderBy(DEVICE_REGISTRATION.PRODUCT_ID, EVENT_NOTIFICATION.SEQ));

    private void targetsOf(DSLContext dsl, List<String> ids, Map<ProductId, Target> targets) {
        Map<String, Record> registered = new LinkedHashMap<>();
        Map<String, List<EventNotification>> notifications = new HashMap<>();
        targetsQuery.among(dsl, ids).forEach(row -> {
            String productId = row.get(DEVICE_REGISTRATION.PRODUCT_ID);
            registered.putIfAbsent(productId, row);
            List<EventNotification> ofDevice = notifications.computeIfAbsent(productId, id -> new ArrayList<>());
            if (row.get(EVENT_NOTIFICATION.ID) != null) {
                ofDevice.add(DatabaseEventNotifications.notification(row.into(EVENT_NOTIFICATION)));
            }
        });
        registered.forEach((productId, row) -> {
            Optional<DevicePlan> plan = row.get(DEVICE_PLAN.PRODUCT_ID) == null
                    ? Optional.empty()
                    : Optional.of(DatabasePlans.plan(row.into(DEVICE_PLAN)));
            targets.put(new ProductId(productId), new Target(DatabaseDeviceOwners.owner(row, productId),
                    ZoneId.of(row.get(DEVICE_REGISTRATION.TIME_ZONE)), plan,
                    List.copyOf(notifications.get(productId))));
        });
    }
}
