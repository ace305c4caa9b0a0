package com.smartconnect.adapters.persistence;

import static com.smartconnect.adapters.persistence.jooq.Tables.DEVICE_CATALOG;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.smartconnect.adapters.persistence.jooq.tables.records.DeviceCatalogRecord;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.MachineSecretHash;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ResolvingSkus;
import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The device catalog, in table {@code device_catalog}. Lookups by Product ID, which every device connect makes,
 * are answered from a small Caffeine cache for a few seconds: 10,000 devices reconnecting after an outage cost the
 * database one query each at most once per TTL. The database stays the truth: a save on this instance drops the
 * entry at once (inside or outside a transaction: a rolled back import merely costs a reload), and other instances
 * see an import after the TTL at the latest (as may this one, when a lookup races with an import that has not
 * committed yet). Unknown Product IDs are cached too, so a misconfigured device that
 * retries in a loop does not reach the database each time.
 */
final class DatabaseDeviceCatalog implements DeviceCatalog {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int CACHE_SIZE = 100_000;

    private final DatabaseTransactions transactions;
    private final Cache<ProductId, Optional<CatalogEntry>> cache = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(CACHE_SIZE).build();

    DatabaseDeviceCatalog(DatabaseTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<CatalogEntry> find(ProductId productId) {
        return cache.get(productId, this::load);
    }

    private Optional<CatalogEntry> load(ProductId productId) {
        return transactions.dsl().selectFrom(DEVICE_CATALOG).where(DEVICE_CATALOG.PRODUCT_ID.eq(productId.value()))
                .fetchOptional().map(DatabaseDeviceCatalog::entry);
    }

    /**
     * An upsert that tells insert from update: an UPDATE first (a re-import updates), and an INSERT when it matched
     * no row. Two imports of the same new Product ID at once both find no row: the INSERT does nothing on a conflict
     * (PostgreSQL waits for the other import's commit; H2's emulation lets its primary key refuse the row once the
     * other commits, and keeps the transaction usable), and the entry is then updated over the other's.
     */
    @Override
    public boolean save(CatalogEntry entry) {
        cache.invalidate(entry.productId());
        var dsl = transactions.dsl();
        if (update(dsl, entry)) {
            DatabaseDeviceStates.refreshBatteryReplaceBy(dsl, entry.productId());
            return false;
        }
        if (!insertUnlessPresent(dsl, entry)) {
            update(dsl, entry);
            DatabaseDeviceStates.refreshBatteryReplaceBy(dsl, entry.productId());
            return false;
        }
        DatabaseDeviceStates.addRow(dsl, entry.productId());
        DatabaseDeviceStates.refreshBatteryReplaceBy(dsl, entry.productId());
        return true;
    }

    private static boolean update(DSLContext dsl, CatalogEntry entry) {
        return dsl.update(DEVICE_CATALOG)
                .set(DEVICE_CATALOG.PRODUCT_KEY_HASH, entry.productKeyHash().value())
                .set(DEVICE_CATALOG.DEVICE_SECRET_HASH, entry.deviceSecretHash().value())
                .set(DEVICE_CATALOG.MODEL, entry.model())
                .set(DEVICE_CATALOG.SERIAL_NUMBER, entry.serialNumber())
                .set(DEVICE_CATALOG.BATTERY_SKU, entry.batterySku())
                .set(DEVICE_CATALOG.BATTERY_INSTALLED_ON, entry.batteryInstalledOn())
                .set(DEVICE_CATALOG.WARRANTY_ENDS_ON, entry.warrantyEndsOn())
                .set(DEVICE_CATALOG.WARRANTY_EXTENSION_SKU, entry.skus().warrantyExtension().orElse(null))
                .set(DEVICE_CATALOG.STANDARD_PLAN_SKU, entry.skus().standardPlan().orElse(null))
                .set(DEVICE_CATALOG.ADVANCED_PLAN_SKU, entry.skus().advancedPlan().orElse(null))
                .set(DEVICE_CATALOG.IMPORTED_AT, DSL.currentOffsetDateTime())
                .where(DEVICE_CATALOG.PRODUCT_ID.eq(entry.productId().value()))
                .execute() == 1;
    }

    /** Inserts the entry; false when the Product ID is there already, or was inserted by an import not committed yet. */
    private static boolean insertUnlessPresent(DSLContext dsl, CatalogEntry entry) {
        try {
            return dsl.insertInto(DEVICE_CATALOG)
                    .set(DEVICE_CATALOG.PRODUCT_ID, entry.productId().value())
                    .set(DEVICE_CATALOG.PRODUCT_KEY_HASH, entry.productKeyHash().value())
                    .set(DEVICE_CATALOG.DEVICE_SECRET_HASH, entry.deviceSecretHash().value())
                    .set(DEVICE_CATALOG.MODEL, entry.model())
                    .set(DEVICE_CATALOG.SERIAL_NUMBER, entry.serialNumber())
                    .set(DEVICE_CATALOG.BATTERY_SKU, entry.batterySku())
                    .set(DEVICE_CATALOG.BATTERY_INSTALLED_ON, entry.batteryInstalledOn())
                    .set(DEVICE_CATALOG.WARRANTY_ENDS_ON, entry.warrantyEndsOn())
                    .set(DEVICE_CATALOG.WARRANTY_EXTENSION_SKU, entry.skus().warrantyExtension().orElse(null))
                    .set(DEVICE_CATALOG.STANDARD_PLAN_SKU, entry.skus().standardPlan().orElse(null))
                    .set(DEVICE_CATALOG.ADVANCED_PLAN_SKU, entry.skus().advancedPlan().orElse(null))
                    .set(DEVICE_CATALOG.IMPORTED_AT, DSL.currentOffsetDateTime())
                    .onConflict(DEVICE_CATALOG.PRODUCT_ID)
                    .doNothing()
                    .execute() == 1;
        } catch (DataAccessException e) {
            if (dsl.family() == SQLDialect.H2 && UNIQUE_VIOLATION.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    private static CatalogEntry entry(DeviceCatalogRecord row) {
        return new CatalogEntry(new ProductId(row.getProductId()), new MachineSecretHash(row.getProductKeyHash()),
                new MachineSecretHash(row.getDeviceSecretHash()), row.getModel(), row.getSerialNumber(),
                row.getBatterySku(), row.getBatteryInstalledOn(), row.getWarrantyEndsOn(), skus(row));
    }

    static ResolvingSkus skus(Record row) {
        return ResolvingSkus.of(row.get(DEVICE_CATALOG.WARRANTY_EXTENSION_SKU), row.get(DEVICE_CATALOG.STANDARD_PLAN_SKU),
                row.get(DEVICE_CATALOG.ADVANCED_PLAN_SKU));
    }
}
