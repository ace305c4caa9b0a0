package com.smartconnect.application.catalog.port.in;

import java.util.Objects;

/**
 * A catalog import: RFC 4180 CSV text with the header
 * {@code productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn}, dates as
 * {@code YYYY-MM-DD}, the key and secret in clear (they are hashed on import and never stored in clear).
 */
public record ImportCatalogCommand(String csv) {

    public ImportCatalogCommand {
        Objects.requireNonNull(csv, "csv");
    }

    @Override
    public String toString() {
        return "ImportCatalogCommand[" + csv.length() + " characters]";
    }
}
