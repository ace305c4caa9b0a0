package com.smartconnect.domain.device;

import com.smartconnect.domain.common.Text;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The manufacturing record of one UPS in the device catalog: what the server knows of a device before it ever
 * connects. The Product Key and the device secret are kept only as their hashes.
 */
public record CatalogEntry(
        ProductId productId,
        MachineSecretHash productKeyHash,
        MachineSecretHash deviceSecretHash,
        String model,
        String serialNumber,
        String batterySku,
        LocalDate batteryInstalledOn,
        LocalDate warrantyEndsOn,
        ResolvingSkus skus) {

    public static final int MAX_TEXT = 64;

    public CatalogEntry {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(productKeyHash, "productKeyHash");
        Objects.requireNonNull(deviceSecretHash, "deviceSecretHash");
        model = Text.required(model, MAX_TEXT, "the model");
        serialNumber = Text.required(serialNumber, MAX_TEXT, "the serial number");
        batterySku = Text.required(batterySku, MAX_TEXT, "the battery SKU");
        Objects.requireNonNull(batteryInstalledOn, "batteryInstalledOn");
        Objects.requireNonNull(warrantyEndsOn, "warrantyEndsOn");
        Objects.requireNonNull(skus, "skus");
    }

    /** An entry whose catalog names no SKU beyond its battery. */
    public CatalogEntry(ProductId productId, MachineSecretHash productKeyHash, MachineSecretHash deviceSecretHash,
            String model, String serialNumber, String batterySku, LocalDate batteryInstalledOn,
            LocalDate warrantyEndsOn) {
        this(productId, productKeyHash, deviceSecretHash, model, serialNumber, batterySku, batteryInstalledOn,
                warrantyEndsOn, ResolvingSkus.NONE);
    }

    /** A new entry from the clear key and secret of the manufacturing data, which it keeps only hashed. */
    public static CatalogEntry manufactured(ProductId productId, ProductKey productKey, DeviceSecret deviceSecret,
            String model, String serialNumber, String batterySku, LocalDate batteryInstalledOn,
            LocalDate warrantyEndsOn) {
        return manufactured(productId, productKey, deviceSecret, model, serialNumber, batterySku, batteryInstalledOn,
                warrantyEndsOn, ResolvingSkus.NONE);
    }

    /** A new entry with the SKUs its catalog names for the model (warranty extension, plans). */
    public static CatalogEntry manufactured(ProductId productId, ProductKey productKey, DeviceSecret deviceSecret,
            String model, String serialNumber, String batterySku, LocalDate batteryInstalledOn,
            LocalDate warrantyEndsOn, ResolvingSkus skus) {
        return new CatalogEntry(productId, MachineSecretHash.of(productKey), MachineSecretHash.of(deviceSecret), model,
                serialNumber, batterySku, batteryInstalledOn, warrantyEndsOn, skus);
    }
}
