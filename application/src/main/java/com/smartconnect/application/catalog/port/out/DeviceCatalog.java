package com.smartconnect.application.catalog.port.out;

import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.ProductId;
import java.util.Optional;

/** The device catalog: the manufacturing record of every UPS the server knows, by Product ID. */
public interface DeviceCatalog {

    /** The entry of a device; an implementation may answer from a short-lived cache (device connects are frequent). */
    Optional<CatalogEntry> find(ProductId productId);

    /** Adds the entry, or replaces the one of the same Product ID; {@code true} if it was new. */
    boolean save(CatalogEntry entry);
}
