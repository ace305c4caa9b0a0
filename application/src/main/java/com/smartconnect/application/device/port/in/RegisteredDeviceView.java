package com.smartconnect.application.device.port.in;

import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Sensitivity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The UPS status page of a registered device: what the catalog and the device's messages say of it, and its profile.
 *
 * @param access whether the reader owns the device or sees it as a co-worker of the owner
 * @param online whether the device is connected now; {@code lastSeenAt} when it was last heard of
 * @param batteryReplaceBy the battery's install date plus the life of its SKU
 * @param plan the device's plan in force now ({@code FREE_PERIOD}, {@code BASIC}, {@code STANDARD}, {@code ADVANCED});
 *     empty for a device that never had one
 */
public record RegisteredDeviceView(
        ProductId productId,
        DeviceAccess access,
        String model,
        String serialNumber,
        Optional<String> firmware,
        boolean smartConnectEnabled,
        boolean online,
        Optional<Instant> lastSeenAt,
        Optional<DeviceStatus> latestStatus,
        List<String> outletGroups,
        String batterySku,
        LocalDate batteryReplaceBy,
        LocalDate warrantyEndsOn,
        Optional<String> plan,
        Optional<String> name,
        Optional<String> description,
        ZoneId timeZone,
        boolean notifications,
        Sensitivity sensitivity,
        Instant registeredAt) {

    public RegisteredDeviceView {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(latestStatus, "latestStatus");
        outletGroups = List.copyOf(outletGroups);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
