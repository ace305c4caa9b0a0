package com.smartconnect.application.fake;

import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.ProductId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The device catalog in a map; counts the lookups, so tests can see what a cache saves. */
public final class InMemoryDeviceCatalog implements DeviceCatalog {

    private final Map<ProductId, CatalogEntry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<CatalogEntry> find(ProductId productId) {
        lookups.incrementAndGet();
        return Optional.ofNullable(entries.get(productId));
    }

    @Override
    public boolean save(CatalogEntry entry) {
        return entries.put(entry.productId(), entry) == null;
    }

    public int size() {
        return entries.size();
    }

    public int lookups() {
        return lookups.get();
    }
}
