package com.smartconnect.application.notification.port.out;

import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notification throttle of each device: a small row per device (the last sends and the end of a disabling), so
 * that deciding a notification costs one row, never a scan of the event log.
 */
public interface NotificationThrottleRepository {

    /**
     * The throttles of these devices, locked until the transaction ends, taken in the order of their Product IDs (as
     * the ingest takes the devices' state rows, so that no two transactions wait for each other in opposite orders). A
     * device without a row yet is {@link NotificationThrottle#FRESH} and gets one.
     */
    Map<ProductId, NotificationThrottle> lock(Collection<ProductId> productIds);

    /** Stores the throttles (rows taken by {@link #lock} in this transaction). */
    void saveAll(Map<ProductId, NotificationThrottle> throttles);

    /** The device's throttle, unlocked; fresh if it has none. */
    NotificationThrottle find(ProductId productId);

    /**
     * Re-enables, at most {@code limit} at a time, the devices whose disabling ended at or before {@code now}, skipping
     * rows another instance holds; the devices re-enabled.
     */
    List<ProductId> reenableEnded(Instant now, int limit);

    /** When the device's disabling ends, if its notifications are disabled at {@code now}. */
    default Optional<Instant> disabledUntil(ProductId productId, Instant now) {
        NotificationThrottle throttle = find(productId);
        return throttle.isDisabledAt(now) ? throttle.disabledUntil() : Optional.empty();
    }
}
