package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.catalog.CatalogImportService;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

abstract class DeviceCatalogContract extends PortContract {

    static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";
    private static final AtomicLong NEXT = new AtomicLong(100_000_000L);

    private DeviceCatalog catalog() {
        return ports.deviceCatalog();
    }

    static ProductId uniqueProductId() {
        return new ProductId("TS" + String.format("%010d", NEXT.incrementAndGet()));
    }

    static CatalogEntry entry(ProductId productId, String model) {
        return CatalogEntry.manufactured(productId, new ProductKey("7KQ2M9X4B1C8DZ"), new DeviceSecret(SECRET), model,
                "SN-" + productId, "APCRBC159", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1));
    }

    @Test
    void keepsAnEntryWithItsHashesAndDates() {
        CatalogEntry entry = entry(uniqueProductId(), "SMT1500RMI2UC");

        assertThat(catalog().save(entry)).isTrue();

        assertThat(catalog().find(entry.productId())).contains(entry);
        assertThat(catalog().find(entry.productId()).orElseThrow().deviceSecretHash().matches(SECRET)).isTrue();
    }

    @Test
    void savingAKnownProductIdUpdatesItAndTheCacheShowsTheNewEntryAtOnce() {
        ProductId productId = uniqueProductId();
        catalog().save(entry(productId, "OLD"));
        assertThat(catalog().find(productId).orElseThrow().model()).isEqualTo("OLD");

        assertThat(catalog().save(entry(productId, "NEW"))).isFalse();

        assertThat(catalog().find(productId).orElseThrow().model()).isEqualTo("NEW");
    }

    @Test
    void anUnknownProductIdIsNotFoundUntilItIsSaved() {
        ProductId productId = uniqueProductId();
        assertThat(catalog().find(productId)).isEmpty();

        catalog().save(entry(productId, "M"));

        assertThat(catalog().find(productId)).isPresent();
    }

    /**
     * Two imports that bring the same new Product ID at once (the integration endpoint takes concurrent requests):
     * both find no row, and the second's insert meets the first's. It must become an update of the first's entry,
     * not a primary key violation that fails the whole import.
     */
    @Test
    @DatabaseOnly("two transactions meet on the database's primary key; the fakes never lock")
    void twoImportsOfTheSameNewProductIdAtOnceAddItOnceAndUpdateItOnce() throws Exception {
        ProductId productId = uniqueProductId();
        java.util.concurrent.CountDownLatch firstSaved = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch releaseFirst = new java.util.concurrent.CountDownLatch(1);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(() -> {
            boolean added = catalog().save(entry(productId, "FIRST"));
            firstSaved.countDown();
            await(releaseFirst);
            return added;
        }), SEPARATE_THREADS);
        assertThat(firstSaved.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> catalog().save(entry(productId, "SECOND"))), SEPARATE_THREADS);
        Thread.sleep(300);
        releaseFirst.countDown();

        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("an update of the first's entry").isFalse();
        assertThat(catalog().find(productId).orElseThrow().model()).isEqualTo("SECOND");
        assertThat(ports.deviceStates().find(productId)).as("the device's state row, added once").isPresent();
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void anImportThatFailsHalfWayStoresNothing() {
        ProductId first = uniqueProductId();
        ProductId second = uniqueProductId();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            catalog().save(entry(first, "M"));
            catalog().save(entry(second, "M"));
            throw new IllegalStateException("the disk is full");
        })).hasMessage("the disk is full");

        assertThat(catalog().find(first)).isEmpty();
        assertThat(catalog().find(second)).isEmpty();
    }

    @Test
    void theImportUseCaseStoresAFileThroughTheDatabase() {
        ProductId productId = uniqueProductId();
        var service = new CatalogImportService(ports.transactions(), catalog());

        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(
                "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                        + productId + ",7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n"));

        assertThat(result).isEqualTo(new ImportCatalogResult.Imported(1, 0));
        assertThat(catalog().find(productId).orElseThrow().warrantyEndsOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
