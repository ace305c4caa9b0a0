package com.smartconnect.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The device catalog file (device-protocol.md, "Device catalog") of simulated devices, so that
 * {@code java -jar smartconnect.jar catalog import FILE} makes them known to a server. Every simulated device is the
 * same model with the same battery; the fields need no quoting (letters, digits and dashes only).
 */
public final class CatalogFile {

    public static final String HEADER =
            "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn";
    public static final String MODEL = "SMT1500RMI2UC";
    public static final String BATTERY_SKU = "APCRBC159";
    public static final String BATTERY_INSTALLED_ON = "2025-03-01";
    public static final String WARRANTY_ENDS_ON = "2028-03-01";

    private CatalogFile() {
    }

    /** The file's text for these devices, with its header. */
    public static String text(List<DeviceIdentity> devices) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (DeviceIdentity device : devices) {
            csv.append(device.productId()).append(',').append(device.productKey()).append(',')
                    .append(device.deviceSecret()).append(',').append(MODEL).append(',').append(device.productId())
                    .append(',').append(BATTERY_SKU).append(',').append(BATTERY_INSTALLED_ON).append(',')
                    .append(WARRANTY_ENDS_ON).append('\n');
        }
        return csv.toString();
    }

    public static void write(Path file, List<DeviceIdentity> devices) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text(devices), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the catalog file " + file, e);
        }
    }
}
