package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;
import static com.smartconnect.adapters.persistence.jooq.Tables.EVENT_NOTIFICATION;

import com.smartconnect.application.port.out.NotificationTargets;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.plan.DevicePlan;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The targets of the delivery of Event Notifications, read for a whole batch of devices in one statement per 1,000
 * devices, whatever the size of the batch otherwise: the registrations joined with their owners' accounts and, left
 * joined, their plans (as {@link DatabaseDeviceOwners} and {@link DatabasePlans} read them) and their notifications,
 * grouped by device in memory, each device's in the order they were made. One statement, so one snapshot: it runs in
 * every group commit of the MQTT endpoint that stores an event, where each round trip counts (BENCHMARKS.md).
 */
final class DatabaseNotificationTargets implements NotificationTargets {

    /** The most Product IDs in one {@code IN} list. */
    static final int CHUNK = 1_000;

    private final DatabaseTransactions transactions;

    DatabaseNotificationTargets(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<ProductId, Target> of(Collection<ProductId> productIds) {
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
        columns.add(DEVICE_REGISTRATION.NOTIFICATIONS);
        columns.addAll(List.of(DEVICE_PLAN.fields()));
        columns.addAll(List.of(EVENT_NOTIFICATION.fields()));
        return List.copyOf(columns);
    }

    /**
     * One row per notification of a registered device (one without notifications, or with the switch off: one row,
     * its notification columns null), each device's in the order they were made.
     */
    private final KeyLists.Select targetsQuery = new KeyLists.Select(DEVICE_REGISTRATION.PRODUCT_ID, COLUMNS,
            which -> DSL.select(COLUMNS)
                    .from(DEVICE_REGISTRATION)
                    .join(ACCOUNT).on(ACCOUNT.ID.eq(DEVICE_REGISTRATION.OWNER_ID))
                    .leftJoin(DEVICE_PLAN).on(DEVICE_PLAN.PRODUCT_ID.eq(DEVICE_REGISTRATION.PRODUCT_ID))
                    // The notifications only where the UPS profile's switch is on: elsewhere they decide nothing.
                    .leftJoin(EVENT_NOTIFICATION).on(EVENT_NOTIFICATION.PRODUCT_ID.eq(DEVICE_REGISTRATION.PRODUCT_ID)
                            .and(DEVICE_REGISTRATION.NOTIFICATIONS.isTrue()))
                    .where(which)
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
                    ZoneId.of(row.get(DEVICE_REGISTRATION.TIME_ZONE)), row.get(DEVICE_REGISTRATION.NOTIFICATIONS),
                    plan, List.copyOf(notifications.get(productId))));
        });
    }
}
