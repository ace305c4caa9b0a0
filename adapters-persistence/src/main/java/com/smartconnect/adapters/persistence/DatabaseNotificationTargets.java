package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.ACCOUNT;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_PLAN;
import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_REGISTRATION;

import com.smartconnect.application.port.out.NotificationTargets;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.plan.DevicePlan;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The targets of the delivery of Event Notifications, read for a whole batch of devices in two statements per 1,000
 * devices, whatever the size of the batch otherwise: the registrations joined with their owners' accounts and, left
 * joined, their plans (as {@link DatabaseDeviceOwners} and {@link DatabasePlans} read them); then the notifications of
 * the registered ones, grouped by device in memory, each device's in the order they were made.
 *
 * <p>Two statements, not one snapshot: a device unregistered between them is a target without notifications (its
 * notifications went with its registration), which sends nothing, as if it had been unregistered just before.
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

    private static void targetsOf(DSLContext dsl, List<String> ids, Map<ProductId, Target> targets) {
        List<Field<?>> columns = new ArrayList<>(DatabaseDeviceOwners.OWNER_COLUMNS);
        columns.add(DEVICE_REGISTRATION.PRODUCT_ID);
        columns.add(DEVICE_REGISTRATION.TIME_ZONE);
        columns.add(DEVICE_REGISTRATION.NOTIFICATIONS);
        columns.addAll(List.of(DEVICE_PLAN.fields()));
        List<Record> registered = dsl.select(columns)
                .from(DEVICE_REGISTRATION)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(DEVICE_REGISTRATION.OWNER_ID))
                .leftJoin(DEVICE_PLAN).on(DEVICE_PLAN.PRODUCT_ID.eq(DEVICE_REGISTRATION.PRODUCT_ID))
                .where(DEVICE_REGISTRATION.PRODUCT_ID.in(ids))
                .fetch();
        if (registered.isEmpty()) {
            return;
        }
        Map<String, List<EventNotification>> notifications = DatabaseEventNotifications.ofDevices(dsl,
                registered.stream().map(row -> row.get(DEVICE_REGISTRATION.PRODUCT_ID)).toList());
        for (Record row : registered) {
            String productId = row.get(DEVICE_REGISTRATION.PRODUCT_ID);
            Optional<DevicePlan> plan = row.get(DEVICE_PLAN.PRODUCT_ID) == null
                    ? Optional.empty()
                    : Optional.of(DatabasePlans.plan(row.into(DEVICE_PLAN)));
            targets.put(new ProductId(productId), new Target(DatabaseDeviceOwners.owner(row, productId),
                    ZoneId.of(row.get(DEVICE_REGISTRATION.TIME_ZONE)), row.get(DEVICE_REGISTRATION.NOTIFICATIONS),
                    plan, notifications.getOrDefault(productId, List.of())));
        }
    }
}
