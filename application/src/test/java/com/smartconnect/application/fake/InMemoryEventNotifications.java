package com.smartconnect.application.fake;

import com.smartconnect.application.notification.port.out.EventNotificationRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notifications in a map, in the order they were made. */
public final class InMemoryEventNotifications implements EventNotificationRepository {

    private final Map<NotificationId, EventNotification> notifications = new LinkedHashMap<>();

    @Override
    public synchronized List<EventNotification> ofDevice(ProductId productId) {
        return notifications.values().stream().filter(n -> n.productId().equals(productId)).toList();
    }

    @Override
    public synchronized List<EventNotification> lockOfDevice(ProductId productId) {
        return ofDevice(productId);
    }

    @Override
    public synchronized Optional<EventNotification> find(NotificationId id) {
        return Optional.ofNullable(notifications.get(id));
    }

    @Override
    public synchronized void add(EventNotification notification) {
        if (notifications.putIfAbsent(notification.id(), notification) != null) {
            throw new IllegalStateException("a notification of this id exists: " + notification.id());
        }
    }

    @Override
    public synchronized boolean update(EventNotification notification) {
        // As the database does: a notification stays with its device.
        EventNotification old = notifications.get(notification.id());
        if (old == null || !old.productId().equals(notification.productId())) {
            return false;
        }
        notifications.put(notification.id(), notification);
        return true;
    }

    @Override
    public synchronized boolean remove(NotificationId id) {
        return notifications.remove(id) != null;
    }

    /** What unregistering a device does in the database (the cascade). */
    public synchronized void removeAllOf(ProductId productId) {
        notifications.values().removeIf(n -> n.productId().equals(productId));
    }
}
