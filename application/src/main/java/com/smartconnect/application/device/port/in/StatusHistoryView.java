package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A device's status history over {@code [from, to)}: its buckets of the range's size that hold values, oldest first;
 * the times it ran on battery (from its event log); and its time zone, in which the charts show the times.
 */
public record StatusHistoryView(ProductId productId, HistoryRange range, Instant from, Instant to, ZoneId timeZone,
        List<StatusBucket> buckets, List<OnBatteryPeriod> onBattery) {

    public StatusHistoryView {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(timeZone, "timeZone");
        buckets = List.copyOf(buckets);
        onBattery = List.copyOf(onBattery);
    }
}
