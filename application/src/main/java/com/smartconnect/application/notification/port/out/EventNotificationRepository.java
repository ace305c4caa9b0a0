package com.smartconnect.application.notification.port.out;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.EventNotification;
import com.smartconnect.domain.notification.NotificationId;
import java.util.List;
import java.util.Optional;

/**
 * The notifications of registered devices. They go with the device's registration: unregistering the device (or
 * deleting its owner's account) deletes them.
 */
public interface EventNotificationRepository {

    /** The device's notifications in the order they were made. */
    List<EventNotification> ofDevice(ProductId productId);

    /**
     * The device's notifications in order, locked until the transaction ends: changes to one device's notifications
     * (an unsubscribe link, the owner's settings) queue up instead of overwriting each other.
     */
    List<EventNotification> lockOfDevice(ProductId productId);

    Optional<EventNotification> find(NotificationId id);

    /** Stores a new notification of a registered device. */
    void add(EventNotification notification);

    /** Replaces the notification of this id; false if there is none (deleted meanwhile). */
    boolean update(EventNotification notification);

    /** Deletes the notification; false if there was none. */
    boolean remove(NotificationId id);
}
