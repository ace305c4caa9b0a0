package com.smartconnect.application.device.port.out;

import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of each device of the catalog: last birth, last seen, connected or not, latest status, and whether its
 * lost communication was reported (the offline grace period). Updates of a device that is not in the catalog change
 * nothing.
 */
public interface DeviceStateRepository {

    /** Keeps the birth; the last one received wins. */
    void recordBirth(ProductId productId, DeviceBirth birth);

    /** Keeps the status unless a newer one (by the device's {@code sentAt}) is kept already. */
    void recordStatus(ProductId productId, DeviceStatus status);

    /** The device was seen at {@code at} (a message, a connect); an earlier time does not move it back. */
    void seen(ProductId productId, Instant at);

    /** {@link #seen} for many devices at once: an adapter does it in one statement, not one per device. */
    default void seenAll(java.util.Collection<ProductId> productIds, Instant at) {
        productIds.forEach(productId -> seen(productId, at));
    }

    /**
     * The device is connected since {@code at}. Answers whether its communication had been reported lost, and
     * clears that: the caller reports it restored.
     */
    boolean connected(ProductId productId, Instant at);

    /** The device's connection ended at {@code at}. */
    void disconnected(ProductId productId, Instant at);

    Optional<DeviceState> find(ProductId productId);

    /**
     * Devices whose lost communication is due and not reported yet: disconnected at {@code disconnectedBefore} or
     * earlier, or still marked connected but not seen since {@code unseenBefore} (the instance they were connected
     * to stopped without recording their disconnect).
     */
    List<ProductId> lostSince(Instant disconnectedBefore, Instant unseenBefore, int limit);

    /**
     * Claims the report of a lost communication: marks it reported if it is still due (as {@link #lostSince} says)
     * and not reported; {@code true} if this caller won (exactly one caller wins, on any number of instances).
     */
    boolean claimLostCommunication(ProductId productId, Instant disconnectedBefore, Instant unseenBefore);
}
