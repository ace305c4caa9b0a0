package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.EVENT_NOTIFICATION;

import com.smartconnect.adapters.persistence.jooq.tables.records.EventNotificationRecord;
import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The notifications of the registered devices, in table {@code event_notification}: one row each, its lists
 * comma-separated (recipients in the order given, severities in the order of {@link Severity}, event types sorted; an
 * empty list is an empty string), numbered by the identity column {@code seq} in the order they were stored. They go
 * with the device's registration by the foreign key's {@code ON DELETE CASCADE}: unregistering the device, or deleting
 * its owner's account, deletes them.
 */
final class DatabaseEventNotifications implements EventNotificationRepository {

    private static final String SEPARATOR = ",";

    private final DatabaseTransactions transactions;

    DatabaseEventNotifications(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    /** Along the index on {@code (product_id, seq)}. */
    @Override
    public List<EventNotification> ofDevice(ProductId productId) {
        return transactions.dsl().selectFrom(EVENT_NOTIFICATION)
                .where(EVENT_NOTIFICATION.PRODUCT_ID.eq(productId.value()))
                .orderBy(EVENT_NOTIFICATION.SEQ)
                .fetch(DatabaseEventNotifications::notification);
    }

    @Override
    public List<EventNotification> lockOfDevice(ProductId productId) {
        return transactions.dsl().selectFrom(EVENT_NOTIFICATION)
                .where(EVENT_NOTIFICATION.PRODUCT_ID.eq(productId.value()))
                .orderBy(EVENT_NOTIFICATION.SEQ)
                .forUpdate()
                .fetch(DatabaseEventNotifications::notification);
    }

    @Override
    public Optional<EventNotification> find(NotificationId id) {
        return transactions.dsl().selectFrom(EVENT_NOTIFICATION)
                .where(EVENT_NOTIFICATION.ID.eq(id.value()))
                .fetchOptional(DatabaseEventNotifications::notification);
    }

    /** The database numbers it ({@code seq}) after the device's notifications stored before. */
    @Override
    public void add(EventNotification notification) {
        transactions.dsl().insertInto(EVENT_NOTIFICATION)
                .set(EVENT_NOTIFICATION.ID, notification.id().value())
                .set(EVENT_NOTIFICATION.PRODUCT_ID, notification.productId().value())
                .set(EVENT_NOTIFICATION.RECIPIENTS, recipients(notification))
                .set(EVENT_NOTIFICATION.SEVERITIES, severities(notification))
                .set(EVENT_NOTIFICATION.EVENT_TYPES, String.join(SEPARATOR, notification.eventTypes()))
                .set(EVENT_NOTIFICATION.EMAIL, notification.email())
                .execute();
    }

    /**
     * Matches the id and the device both: a notification is never moved to another device, and keeps its place
     * ({@code seq}) among the device's notifications.
     */
    @Override
    public boolean update(EventNotification notification) {
        return transactions.dsl().update(EVENT_NOTIFICATION)
                .set(EVENT_NOTIFICATION.RECIPIENTS, recipients(notification))
                .set(EVENT_NOTIFICATION.SEVERITIES, severities(notification))
                .set(EVENT_NOTIFICATION.EVENT_TYPES, String.join(SEPARATOR, notification.eventTypes()))
                .set(EVENT_NOTIFICATION.EMAIL, notification.email())
                .where(EVENT_NOTIFICATION.ID.eq(notification.id().value()))
                .and(EVENT_NOTIFICATION.PRODUCT_ID.eq(notification.productId().value()))
                .execute() == 1;
    }

    @Override
    public boolean remove(NotificationId id) {
        return transactions.dsl().deleteFrom(EVENT_NOTIFICATION)
                .where(EVENT_NOTIFICATION.ID.eq(id.value()))
                .execute() == 1;
    }

    private static String recipients(EventNotification notification) {
        return notification.recipients().stream().map(EmailAddress::value).collect(Collectors.joining(SEPARATOR));
    }

    /** In the order of {@link Severity}, so that the same choice is always stored as the same text. */
    private static String severities(EventNotification notification) {
        return notification.severities().stream().sorted().map(Severity::name).collect(Collectors.joining(SEPARATOR));
    }

    static EventNotification notification(EventNotificationRecord row) {
        return new EventNotification(new NotificationId(row.getId()), new ProductId(row.getProductId()),
                names(row.getRecipients()).stream().map(EmailAddress::new).toList(),
                names(row.getSeverities()).stream().map(Severity::valueOf).collect(Collectors.toSet()),
                new TreeSet<>(names(row.getEventTypes())), row.getEmail());
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
