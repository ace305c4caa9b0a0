package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.notification.port.out.NotificationThrottleRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.notification.NotificationThrottle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class NotificationThrottleRepositoryContract extends PortContract {

    private static final Instant NOW = Examples.NOW;
    private static final Duration MICROSECOND = Duration.ofNanos(1000);

    private NotificationThrottleRepository throttles() {
        return ports.notificationThrottles();
    }

    /** Every test starts without throttles: otherwise the disablings of one test would be re-enabled in the next. */
    @BeforeEach
    void removeEveryThrottle() throws SQLException {
        removeEveryRowOf("notification_throttle");
    }

    @Test
    void aDeviceWithoutARowIsFresh() {
        ProductId device = catalogued();

        assertThat(throttles().find(device)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().find(DeviceCatalogContract.uniqueProductId())).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().disabledUntil(device, NOW)).isEmpty();
        inTheTables(() -> assertThat(rowsOf(device)).isZero());
    }

    /** A lock makes the rows missing, fresh, and returns them; the same device twice is one. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void lockingDevicesWithoutARowMakesThemFreshOnes() {
        ProductId first = catalogued();
        ProductId second = catalogued();

        Map<ProductId, NotificationThrottle> locked = ports.transactions().inTransaction(
                () -> throttles().lock(List.of(second, first, second)));

        assertThat(locked).containsOnlyKeys(first, second)
                .containsEntry(first, NotificationThrottle.FRESH)
                .containsEntry(second, NotificationThrottle.FRESH);
        assertThat(rowsOf(first)).isEqualTo(1);
        assertThat(rowsOf(second)).isEqualTo(1);
        assertThat(throttles().find(first)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().lock(List.of())).isEmpty();
    }

    /** Sends to the millisecond, oldest first, and the end of a disabling to the microsecond, are read back. */
    @Test
    void savedThrottlesAreReadBack() {
        ProductId sending = catalogued();
        ProductId disabled = catalogued();
        ProductId untouched = catalogued();
        Instant base = NOW.truncatedTo(ChronoUnit.MILLIS);
        NotificationThrottle sends = new NotificationThrottle(List.of(base.minusSeconds(600), base.minusMillis(1), base,
                base.plusMillis(1), Instant.EPOCH.plusMillis(1), base.plus(Duration.ofDays(3650))), Optional.empty());
        NotificationThrottle off = new NotificationThrottle(List.of(), Optional.of(NOW.plus(Duration.ofDays(7))));

        ports.transactions().inTransaction(() -> {
            throttles().lock(List.of(sending, disabled, untouched));
            throttles().saveAll(Map.of(sending, sends, disabled, off));
            return null;
        });

        assertThat(throttles().find(sending)).isEqualTo(sends);
        assertThat(throttles().find(disabled)).isEqualTo(off);
        assertThat(throttles().find(untouched)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().disabledUntil(disabled, NOW)).contains(NOW.plus(Duration.ofDays(7)));
        assertThat(throttles().disabledUntil(disabled, NOW.plus(Duration.ofDays(7)))).as("over").isEmpty();
        assertThat(throttles().disabledUntil(sending, NOW)).isEmpty();
    }

    /** The sends are kept to the millisecond: what is finer is cut. */
    @Test
    void sendsAreKeptToTheMillisecond() {
        ProductId device = catalogued();
        Instant withMicros = Instant.parse("2026-11-20T08:00:00.123456Z");

        ports.transactions().inTransaction(() -> {
            throttles().lock(List.of(device));
            throttles().saveAll(Map.of(device, new NotificationThrottle(List.of(withMicros), Optional.empty())));
            return null;
        });

        assertThat(throttles().find(device).recentSends()).containsExactly(Instant.parse("2026-11-20T08:00:00.123Z"));
    }

    /** A lock of rows there already returns them as stored, beside new fresh ones; saving fresh clears a row. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void lockingDevicesWithARowReturnsIt() {
        ProductId existing = catalogued();
        ProductId fresh = catalogued();
        NotificationThrottle stored = new NotificationThrottle(List.of(NOW.truncatedTo(ChronoUnit.MILLIS)),
                Optional.of(NOW));
        save(existing, stored);

        Map<ProductId, NotificationThrottle> locked = ports.transactions().inTransaction(() -> {
            Map<ProductId, NotificationThrottle> taken = throttles().lock(List.of(fresh, existing));
            throttles().saveAll(Map.of(existing, NotificationThrottle.FRESH));
            return taken;
        });

        assertThat(locked).containsOnlyKeys(existing, fresh)
                .containsEntry(existing, stored)
                .containsEntry(fresh, NotificationThrottle.FRESH);
        assertThat(throttles().find(existing)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(rowsOf(existing)).isEqualTo(1);
    }

    /** The foreign key: only a device of the catalog has a throttle. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void refusesTheThrottleOfADeviceNotInTheCatalog() {
        ProductId unknown = DeviceCatalogContract.uniqueProductId();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> throttles().lock(List.of(unknown))))
                .isInstanceOf(RuntimeException.class);

        assertThat(rowsOf(unknown)).isZero();
    }

    /** Over at their end (at it included); a disabling ending a microsecond later, or none, is left as it is. */
    @Test
    void reenablesOnlyTheDevicesWhoseDisablingEndedAndMakesThemFresh() {
        ProductId endedLongAgo = disabledUntil(NOW.minus(Duration.ofDays(30)));
        ProductId endingNow = disabledUntil(NOW);
        ProductId endingLater = disabledUntil(NOW.plus(MICROSECOND));
        ProductId sending = catalogued();
        NotificationThrottle sends = new NotificationThrottle(List.of(NOW.truncatedTo(ChronoUnit.MILLIS)),
                Optional.empty());
        save(sending, sends);

        assertThat(throttles().reenableEnded(NOW, 10)).containsExactlyInAnyOrder(endedLongAgo, endingNow);

        assertThat(throttles().find(endedLongAgo)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().find(endingNow)).isEqualTo(NotificationThrottle.FRESH);
        assertThat(throttles().find(endingLater).disabledUntil()).contains(NOW.plus(MICROSECOND));
        assertThat(throttles().find(sending)).isEqualTo(sends);
        assertThat(throttles().reenableEnded(NOW, 10)).as("nothing left").isEmpty();
        assertThat(throttles().reenableEnded(NOW.plus(MICROSECOND), 10)).containsExactly(endingLater);
    }

    /** As the job uses it: batch after batch, each no larger than the limit. */
    @Test
    void reenablesNoMoreThanTheLimit() {
        List<ProductId> ended = List.of(disabledUntil(NOW.minusSeconds(120)), disabledUntil(NOW.minusSeconds(60)),
                disabledUntil(NOW));

        assertThat(throttles().reenableEnded(NOW, 0)).isEmpty();
        List<ProductId> firstBatch = throttles().reenableEnded(NOW, 2);
        List<ProductId> secondBatch = throttles().reenableEnded(NOW, 2);

        assertThat(firstBatch).hasSize(2);
        List<ProductId> both = new ArrayList<>(firstBatch);
        both.addAll(secondBatch);
        assertThat(both).containsExactlyInAnyOrderElementsOf(ended);
        assertThat(throttles().reenableEnded(NOW, 10)).isEmpty();
    }

    /** The jobs of two instances at once: the second passes over the rows the first holds, at once. */
    @Test
    void aSecondJobSkipsTheThrottlesTheFirstHolds() throws Exception {
        List<ProductId> ended = List.of(disabledUntil(NOW.minusSeconds(120)), disabledUntil(NOW.minusSeconds(60)),
                disabledUntil(NOW));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<List<ProductId>> first = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> {
                    List<ProductId> reenabled = throttles().reenableEnded(NOW, 2);
                    firstClaimed.countDown();
                    await(releaseFirst);
                    return reenabled;
                }), SEPARATE_THREADS);
        try {
            await(firstClaimed);
            CompletableFuture<List<ProductId>> second = CompletableFuture.supplyAsync(
                    () -> throttles().reenableEnded(NOW, 10), SEPARATE_THREADS);

            List<ProductId> secondReenabled = second.get(5, TimeUnit.SECONDS);
            releaseFirst.countDown();
            List<ProductId> firstReenabled = first.get(10, TimeUnit.SECONDS);

            assertThat(firstReenabled).hasSize(2);
            assertThat(secondReenabled).hasSize(1);
            List<ProductId> both = new ArrayList<>(firstReenabled);
            both.addAll(secondReenabled);
            assertThat(both).containsExactlyInAnyOrderElementsOf(ended);
        } finally {
            releaseFirst.countDown();
        }
        assertThat(throttles().reenableEnded(NOW, 10)).isEmpty();
        for (ProductId device : ended) {
            assertThat(throttles().find(device)).isEqualTo(NotificationThrottle.FRESH);
        }
    }

    /** A second lock of the same throttle waits until the transaction holding the first ends, then sees its change. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void lockHoldsTheThrottleUntilTheTransactionEnds() throws Exception {
        ProductId device = catalogued();
        save(device, NotificationThrottle.FRESH);
        assertSecondLockWaitsForTheFirst(device);
    }

    /** The same for a device without a row yet, which both transactions make at once: the second waits for it. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void twoFirstLocksOfADeviceWaitForEachOther() throws Exception {
        for (int round = 0; round < 3; round++) {
            assertSecondLockWaitsForTheFirst(catalogued());
        }
    }

    private void assertSecondLockWaitsForTheFirst(ProductId device) throws Exception {
        NotificationThrottle sent = new NotificationThrottle(List.of(NOW.truncatedTo(ChronoUnit.MILLIS)),
                Optional.empty());
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Map<ProductId, NotificationThrottle>> first = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> {
                    Map<ProductId, NotificationThrottle> locked = throttles().lock(List.of(device));
                    firstLocked.countDown();
                    await(releaseFirst);
                    throttles().saveAll(Map.of(device, sent));
                    return locked;
                }), SEPARATE_THREADS);
        try {
            await(firstLocked);
            CompletableFuture<Map<ProductId, NotificationThrottle>> second = CompletableFuture.supplyAsync(
                    () -> ports.transactions().inTransaction(() -> throttles().lock(List.of(device))),
                    SEPARATE_THREADS);
            Thread.sleep(Duration.ofMillis(300));
            assertThat(second).as("waits for the first").isNotDone();
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(Map.entry(device, NotificationThrottle.FRESH));
            assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(Map.entry(device, sent));
        } finally {
            releaseFirst.countDown();
        }
        assertThat(rowsOf(device)).isEqualTo(1);
    }

    /**
     * Two batches of the same devices, given in opposite orders, some with rows and some without: both take them in
     * the order of their Product IDs, so neither waits for the other in a circle (a deadlock would fail one).
     */
    @Test
    void locksGivenInOppositeOrdersDoNotDeadlock() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<ProductId> devices = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ProductId device = catalogued();
                if (i % 2 == 0) {
                    save(device, NotificationThrottle.FRESH);
                }
                devices.add(device);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> forwards = CompletableFuture.supplyAsync(
                    () -> lockAndSend(start, devices), SEPARATE_THREADS);
            CompletableFuture<Integer> backwards = CompletableFuture.supplyAsync(
                    () -> lockAndSend(start, devices.reversed()), SEPARATE_THREADS);

            assertThat(forwards.get(20, TimeUnit.SECONDS)).as("round " + round).isEqualTo(6);
            assertThat(backwards.get(20, TimeUnit.SECONDS)).as("round " + round).isEqualTo(6);
            for (ProductId device : devices) {
                assertThat(throttles().find(device).recentSends()).as("round " + round).hasSize(2);
            }
        }
    }

    /** One batch of the delivery: locks the devices and records a send of each, one millisecond after the last. */
    private int lockAndSend(CyclicBarrier start, List<ProductId> devices) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return ports.transactions().inTransaction(() -> {
            Map<ProductId, NotificationThrottle> locked = throttles().lock(devices);
            Map<ProductId, NotificationThrottle> next = new java.util.HashMap<>();
            locked.forEach((device, throttle) -> {
                Instant at = throttle.recentSends().isEmpty()
                        ? NOW.truncatedTo(ChronoUnit.MILLIS)
                        : throttle.recentSends().getLast().plusMillis(1);
                next.put(device, throttle.decide(at).next());
            });
            throttles().saveAll(next);
            return locked.size();
        });
    }

    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    /** A device of the catalog whose notifications are disabled until {@code until}. */
    private ProductId disabledUntil(Instant until) {
        ProductId device = catalogued();
        save(device, new NotificationThrottle(List.of(), Optional.of(until)));
        return device;
    }

    /** Stores the throttle of the device as the delivery does: locked, then saved, in one transaction. */
    private void save(ProductId device, NotificationThrottle throttle) {
        ports.transactions().inTransaction(() -> {
            throttles().lock(List.of(device));
            throttles().saveAll(Map.of(device, throttle));
            return null;
        });
    }

    /** Counted past the port. */
    private int rowsOf(ProductId device) {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM notification_throttle WHERE product_id = ?")) {
            count.setString(1, device.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
