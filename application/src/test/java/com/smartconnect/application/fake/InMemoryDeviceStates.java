package com.smartconnect.application.fake;

import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Device states in a map, with the same rules as the database: the latest status by sentAt, the last birth. */
public final class InMemoryDeviceStates implements DeviceStateRepository {

    private static final class Row {
        DeviceBirth birth;
        DeviceStatus status;
        Instant lastSeen;
        boolean connected;
        Instant disconnectedAt;
        boolean lostReported;
    }

    private final Map<ProductId, Row> rows = new HashMap<>();

    private Row row(ProductId productId) {
        return rows.computeIfAbsent(productId, p -> new Row());
    }

    @Override
    public synchronized void recordBirth(ProductId productId, DeviceBirth birth) {
        row(productId).birth = ColumnPrecision.of(birth);
    }

    @Override
    public synchronized void recordStatus(ProductId productId, DeviceStatus status) {
        Row row = row(productId);
        if (row.status == null || !row.status.sentAt().isAfter(status.sentAt())) {
            row.status = ColumnPrecision.of(status);
        }
    }

    @Override
    public synchronized void seen(ProductId productId, Instant at) {
        Row row = row(productId);
        if (row.lastSeen == null || at.isAfter(row.lastSeen)) {
            row.lastSeen = ColumnPrecision.micros(at);
        }
    }

    @Override
    public synchronized boolean connected(ProductId productId, Instant at) {
        seen(productId, at);
        Row row = row(productId);
        boolean wasLost = row.lostReported;
        row.connected = true;
        row.disconnectedAt = null;
        row.lostReported = false;
        return wasLost;
    }

    @Override
    public synchronized void disconnected(ProductId productId, Instant at) {
        Row row = row(productId);
        row.connected = false;
        row.disconnectedAt = ColumnPrecision.micros(at);
    }

    @Override
    public synchronized Optional<DeviceState> find(ProductId productId) {
        Row row = rows.get(productId);
        return row == null ? Optional.empty() : Optional.of(new DeviceState(productId, Optional.ofNullable(row.birth),
                Optional.ofNullable(row.lastSeen), row.connected, Optional.ofNullable(row.status)));
    }

    @Override
    public synchronized List<ProductId> lostSince(Instant before, Instant unseenBefore, int limit) {
        return rows.entrySet().stream()
                .filter(e -> isDue(e.getValue(), before, unseenBefore))
                .sorted(Comparator.comparing(e -> e.getKey().value()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized boolean claimLostCommunication(ProductId productId, Instant before, Instant unseenBefore) {
        Row row = rows.get(productId);
        if (row == null || !isDue(row, before, unseenBefore)) {
            return false;
        }
        row.lostReported = true;
        return true;
    }

    private static boolean isDue(Row row, Instant before, Instant unseenBefore) {
        if (row.lostReported) {
            return false;
        }
        return row.connected ? row.lastSeen != null && !row.lastSeen.isAfter(unseenBefore)
                : row.disconnectedAt != null && !row.disconnectedAt.isAfter(before);
    }
}
