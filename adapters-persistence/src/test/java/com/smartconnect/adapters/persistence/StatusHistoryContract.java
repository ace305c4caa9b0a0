package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.smartconnect.application.device.StatusHistoryRecorder;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

abstract class StatusHistoryContract extends PortContract {

    private static final Instant HOUR = Instant.parse("2026-11-20T08:00:00Z");

    private static StatusBucket part(ProductId ups, BucketSize size, Instant start, MetricSummary charge,
            MetricSummary load) {
        return new StatusBucket(ups, size, start, charge, MetricSummary.NONE, load, MetricSummary.NONE);
    }

    private static MetricSummary values(double... values) {
        MetricSummary sum = MetricSummary.NONE;
        for (double v : values) {
            sum = sum.plus(new MetricSummary(1, v, v, v));
        }
        return sum;
    }

    @Test
    void addsEachPartToItsBucketAndAnswersTheBucketsOfTheRangeOldestFirst() {
        ProductId ups = DeviceCatalogContract.uniqueProductId();
        ProductId other = DeviceCatalogContract.uniqueProductId();
        Instant second = HOUR.plus(Duration.ofMinutes(5));
        ports.transactions().inTransaction(() -> {
            ports.statusHistory().add(List.of(
                    part(ups, BucketSize.FIVE_MINUTES, second, values(90, 80), values(40.5)),
                    part(ups, BucketSize.FIVE_MINUTES, HOUR, values(100), MetricSummary.NONE),
                    part(other, BucketSize.FIVE_MINUTES, HOUR, values(1), values(1)),
                    part(ups, BucketSize.ONE_HOUR, HOUR, values(7), values(7))));
            ports.statusHistory().add(List.of(part(ups, BucketSize.FIVE_MINUTES, second, values(95, 70), values(60.25))));
            return null;
        });

        List<StatusBucket> buckets = ports.statusHistory().buckets(ups, BucketSize.FIVE_MINUTES, HOUR,
                HOUR.plus(Duration.ofHours(1)));

        assertThat(buckets).extracting(StatusBucket::start).containsExactly(HOUR, second);
        assertThat(buckets.get(0).batteryChargePercent()).isEqualTo(values(100));
        assertThat(buckets.get(0).loadPercent().isEmpty()).isTrue();
        assertThat(buckets.get(0).inputVoltage().isEmpty()).isTrue();
        MetricSummary charge = buckets.get(1).batteryChargePercent();
        assertThat(charge.count()).isEqualTo(4);
        assertThat(charge.min()).isEqualTo(70);
        assertThat(charge.max()).isEqualTo(95);
        assertThat(charge.mean()).isCloseTo(83.75, within(0.001));
        MetricSummary load = buckets.get(1).loadPercent();
        assertThat(load.count()).isEqualTo(2);
        assertThat(load.min()).isEqualTo(40.5);
        assertThat(load.max()).isEqualTo(60.25);
        assertThat(load.mean()).isCloseTo(50.375, within(0.001));
        assertThat(ports.statusHistory().buckets(ups, BucketSize.FIVE_MINUTES, HOUR, second)).hasSize(1);
        assertThat(ports.statusHistory().buckets(ups, BucketSize.ONE_HOUR, HOUR, second))
                .singleElement().satisfies(b -> assertThat(b.batteryChargePercent()).isEqualTo(values(7)));
    }

    @Test
    void addsTheBucketsOfALargeFleetInOneCall() {
        // What the ingest writes when five minutes end: a bucket of each device, here 2,500 devices, in one call.
        List<StatusBucket> parts = new ArrayList<>();
        List<ProductId> fleet = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ProductId ups = DeviceCatalogContract.uniqueProductId();
            fleet.add(ups);
            parts.add(part(ups, BucketSize.FIVE_MINUTES, HOUR, values(i % 100), values(12.5)));
        }
        parts.sort(java.util.Comparator.comparing(p -> p.productId().value()));

        ports.transactions().inTransaction(() -> {
            ports.statusHistory().add(parts);
            return null;
        });

        for (int i : new int[] {0, 1_234, 2_499}) {
            assertThat(ports.statusHistory().buckets(fleet.get(i), BucketSize.FIVE_MINUTES, HOUR, HOUR.plusSeconds(300)))
                    .singleElement().satisfies(b -> assertThat(b.batteryChargePercent()).isEqualTo(values(i % 100)));
        }
    }

    @Test
    void aMeasurementMissingFromABucketTakesTheFirstValuesAddedLater() {
        ProductId ups = DeviceCatalogContract.uniqueProductId();
        ports.transactions().inTransaction(() -> {
            ports.statusHistory().add(List.of(part(ups, BucketSize.ONE_HOUR, HOUR, values(50), MetricSummary.NONE)));
            ports.statusHistory().add(List.of(part(ups, BucketSize.ONE_HOUR, HOUR, MetricSummary.NONE, values(120, 130))));
            return null;
        });

        StatusBucket bucket = ports.statusHistory().buckets(ups, BucketSize.ONE_HOUR, HOUR, HOUR.plusSeconds(3600))
                .getFirst();

        assertThat(bucket.batteryChargePercent()).isEqualTo(values(50));
        assertThat(bucket.loadPercent()).isEqualTo(values(120, 130));
    }

    @Test
    void prunesTheBucketsBeforeAnInstantAFewDevicesAtATime() {
        List<ProductId> devices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProductId ups = DeviceCatalogContract.uniqueProductId();
            devices.add(ups);
            ports.transactions().inTransaction(() -> {
                ports.statusHistory().add(List.of(
                        part(ups, BucketSize.ONE_HOUR, HOUR.minus(Duration.ofHours(2)), values(1), values(1)),
                        part(ups, BucketSize.ONE_HOUR, HOUR.minus(Duration.ofHours(1)), values(2), values(2)),
                        part(ups, BucketSize.ONE_HOUR, HOUR, values(3), values(3)),
                        part(ups, BucketSize.FIVE_MINUTES, HOUR.minus(Duration.ofHours(2)), values(4), values(4))));
                return null;
            });
        }

        Optional<ProductId> after = Optional.empty();
        int steps = 0;
        do {
            Optional<ProductId> from = after;
            StatusHistoryRepository.Step pruned = ports.transactions().inTransaction(
                    () -> ports.statusHistory().prune(BucketSize.ONE_HOUR, HOUR.minus(Duration.ofMinutes(30)), from, 2));
            assertThat(pruned.lastDevice().map(ProductId::value).orElse("~"))
                    .isGreaterThan(from.map(ProductId::value).orElse(""));
            after = pruned.lastDevice();
            steps++;
        } while (after.isPresent());

        assertThat(steps).isGreaterThan(3);
        for (ProductId ups : devices) {
            assertThat(ports.statusHistory().buckets(ups, BucketSize.ONE_HOUR, Instant.EPOCH, HOUR.plusSeconds(3600)))
                    .extracting(StatusBucket::start).containsExactly(HOUR);
            assertThat(ports.statusHistory().buckets(ups, BucketSize.FIVE_MINUTES, Instant.EPOCH, HOUR)).hasSize(1);
        }
    }

    @Test
    void rollsTheFiveMinuteBucketsOfWholeHoursUpIntoHourlyOnesOnce() {
        ProductId ups = DeviceCatalogContract.uniqueProductId();
        Instant next = HOUR.plus(Duration.ofHours(1));
        ports.transactions().inTransaction(() -> {
            ports.statusHistory().add(List.of(
                    part(ups, BucketSize.FIVE_MINUTES, HOUR, values(90, 80), MetricSummary.NONE),
                    part(ups, BucketSize.FIVE_MINUTES, HOUR.plus(Duration.ofMinutes(55)), values(70), values(30.5)),
                    part(ups, BucketSize.FIVE_MINUTES, next, values(10), values(10))));
            return null;
        });

        rollUpEveryDevice(HOUR.minus(Duration.ofHours(3)), next);
        ports.transactions().inTransaction(() -> {
            ports.statusHistory().add(List.of(part(ups, BucketSize.FIVE_MINUTES, HOUR, values(1), values(1))));
            return null;
        });
        rollUpEveryDevice(HOUR.minus(Duration.ofHours(3)), next);

        assertThat(ports.statusHistory().buckets(ups, BucketSize.ONE_HOUR, Instant.EPOCH, next.plusSeconds(7200)))
                .singleElement().satisfies(hour -> {
                    assertThat(hour.start()).isEqualTo(HOUR);
                    assertThat(hour.batteryChargePercent()).isEqualTo(values(90, 80, 70));
                    assertThat(hour.loadPercent()).isEqualTo(values(30.5));
                    assertThat(hour.batteryRuntimeSeconds().isEmpty()).isTrue();
                });
    }

    private void rollUpEveryDevice(Instant from, Instant to) {
        Optional<ProductId> after = Optional.empty();
        do {
            Optional<ProductId> last = after;
            after = ports.transactions().inTransaction(() -> ports.statusHistory().rollUp(from, to, last, 50))
                    .lastDevice();
        } while (after.isPresent());
    }

    /**
     * The storage budget of the history (10 KB a device a day, on PostgreSQL): a simulated day of one status a minute
     * for 100 devices, folded as the ingest folds them and rolled up as the job does, then the size of the tables with their indexes. The figures
     * are logged; BENCHMARKS.md quotes them.
     */
    @Test
    @DatabaseOnly("the storage the tables take")
    void aDayOfStatusesKeepsTheHistoryWithinItsStorageBudget() throws Exception {
        // The budget is PostgreSQL's; on H2 the day would only take minutes of the build.
        org.junit.jupiter.api.Assumptions.assumeTrue(ports.kind().equals("PostgreSQL"), "the budget is PostgreSQL's");
        List<ProductId> devices = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            devices.add(DeviceCatalogContract.uniqueProductId());
        }
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        // The recorder holds each five minutes in memory and writes their buckets once they are over, as the ingest does.
        StatusHistoryRecorder recorder = new StatusHistoryRecorder(
                java.time.Clock.fixed(start.plus(Duration.ofDays(1)), java.time.ZoneOffset.UTC),
                StatusHistoryPolicy.DEFAULT, ports.statusHistory(), ports.transactions());
        for (int minute = 0; minute < 24 * 60; minute++) {
            Instant now = start.plus(Duration.ofMinutes(minute)).plusSeconds(17);
            List<StatusHistoryRecorder.Reported> batch = new ArrayList<>();
            for (int d = 0; d < devices.size(); d++) {
                batch.add(new StatusHistoryRecorder.Reported(devices.get(d), new DeviceStatus(Optional.empty(), now,
                        List.of("OL"), Optional.of(90 + (minute + d) % 11), Optional.of(3000 + (minute * 7 + d) % 600),
                        Optional.of(30 + (minute % 50) / 2.0), Optional.of(228 + (minute % 9) / 4.0),
                        Optional.of(230.0), Optional.of(25.0))));
            }
            recorder.record(batch, now);
            if (minute % 10 == 0) {
                // As StatusHistoryJob does at its cadence.
                Instant hourOver = BucketSize.ONE_HOUR.startOf(now.minus(Duration.ofMinutes(5)));
                rollUpEveryDevice(hourOver.minus(Duration.ofHours(12)), hourOver);
            }
        }
        recorder.flushAll();
        rollUpEveryDevice(start, start.plus(Duration.ofDays(1)));
        assertThat(ports.statusHistory().buckets(devices.get(0), BucketSize.FIVE_MINUTES, start,
                start.plus(Duration.ofDays(1)))).hasSize(288);
        assertThat(ports.statusHistory().buckets(devices.get(0), BucketSize.ONE_HOUR, start,
                start.plus(Duration.ofDays(1)))).hasSize(24);
        try (Connection connection = testDatabase().dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM status_history_five_minutes");
            statement.execute("VACUUM status_history_hourly");
            long fiveMinutes = size(statement, "status_history_five_minutes");
            long hourly = size(statement, "status_history_hourly");
            long fiveMinuteRows = rows(statement, "status_history_five_minutes");
            long hourlyRows = rows(statement, "status_history_hourly");
            double perFiveMinuteRow = (double) fiveMinutes / fiveMinuteRows;
            double perHourlyRow = (double) hourly / hourlyRows;
            StatusHistoryPolicy policy = StatusHistoryPolicy.DEFAULT;
            // Kept: the hourly buckets of every day kept, the five-minute buckets of the last two days.
            double keptPerDevice = perHourlyRow * 24 * policy.days()
                    + perFiveMinuteRow * policy.kept(BucketSize.FIVE_MINUTES).toMinutes() / 5;
            double perDevicePerDay = keptPerDevice / policy.days();
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                    "status history on PostgreSQL: %.1f bytes a five-minute bucket, %.1f bytes an hourly one; "
                    + "first day %.1f KB a device (hourly %.1f KB); kept for %d days %.1f KB a device, %.2f KB a device a day",
                    perFiveMinuteRow, perHourlyRow, (fiveMinutes + hourly) / 1024.0 / devices.size(),
                    hourly / 1024.0 / devices.size(), policy.days(), keptPerDevice / 1024, perDevicePerDay / 1024));
            assertThat(perDevicePerDay).isLessThan(10 * 1024);
        }
    }

    private static long size(Statement statement, String table) throws Exception {
        try (ResultSet r = statement.executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long rows(Statement statement, String table) throws Exception {
        try (ResultSet r = statement.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
