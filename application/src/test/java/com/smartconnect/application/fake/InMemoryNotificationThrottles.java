package com.smartconnect.application.fake;

import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Throttles in a map; {@link #lock} locks nothing (tests that need two instances share one of these). */
public final class InMemoryNotificationThrottles implements NotificationThrottleRepository {

    private final Map<ProductId, NotificationThrottle> throttles = new TreeMap<>(Comparator.comparing(ProductId::value));

    @Override
    public synchronized Map<ProductId, NotificationThrottle> lock(Collection<ProductId> productIds) {
        Map<ProductId, NotificationThrottle> locked = new LinkedHashMap<>();
        productIds.stream().sorted(Comparator.comparing(ProductId::value)).forEach(id ->
                locked.put(id, throttles.computeIfAbsent(id, any -> NotificationThrottle.FRESH)));
        return locked;
    }

    @Override
    public synchronized void saveAll(Map<ProductId, NotificationThrottle> changed) {
        // As the database keeps them: the sends to the millisecond, the end of a disabling to the microsecond.
        changed.forEach((productId, throttle) -> throttles.put(productId, new NotificationThrottle(
                throttle.recentSends().stream().map(sent -> sent.truncatedTo(ChronoUnit.MILLIS)).toList(),
                throttle.disabledUntil().map(ColumnPrecision::micros))));
    }

    @Override
    public synchronized NotificationThrottle find(ProductId productId) {
        return throttles.getOrDefault(productId, NotificationThrottle.FRESH);
    }

    @Override
    public synchronized List<ProductId> reenableEnded(Instant now, int limit) {
        List<ProductId> ended = throttles.entrySet().stream()
                .filter(e -> e.getValue().disabledUntil().filter(until -> !until.isAfter(now)).isPresent())
                .limit(limit).map(Map.Entry::getKey).toList();
        ended.forEach(id -> throttles.put(id, NotificationThrottle.FRESH));
        return ended;
    }
}
