package com.smartconnect.application.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.device.port.in.DeviceCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryCriteria;
import com.smartconnect.application.device.port.in.StatusHistoryView;
import com.smartconnect.application.device.port.out.StatusHistoryRepository;
import com.smartconnect.application.fake.CountingTransactions;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryAccounts;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceRegistrations;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.InMemoryPlans;
import com.smartconnect.application.fake.InMemoryStatusHistory;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyId;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.HistoryRange;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.OnBatteryPeriod;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The status history: the recorder folding statuses into five-minute buckets, {@link StatusHistoryJob} rolling them up
 * into hours and deleting what is no longer kept, and the charts' query, on the in-memory ports with a moved clock.
 */
class StatusHistoryTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final StatusHistoryPolicy KEEP_3_DAYS = new StatusHistoryPolicy(3);

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryStatusHistory buckets = new InMemoryStatusHistory();
    private final CountingTransactions transactions = new CountingTransactions(new DirectTransactions());

    private final Map<StatusHistoryPolicy, StatusHistoryRecorder> recorders = new HashMap<>();

    private StatusHistoryRecorder recorder(StatusHistoryPolicy policy) {
        return recorders.computeIfAbsent(policy, p -> new StatusHistoryRecorder(clock, p, buckets, transactions));
    }

    private StatusHistoryJob job(StatusHistoryPolicy policy, StatusHistoryRepository repository) {
        return new StatusHistoryJob(clock, transactions, repository, policy, recorder(policy));
    }

    private static DeviceStatus status(String sentAt, int charge, double load) {
        return new DeviceStatus(Optional.empty(), Instant.parse(sentAt), List.of("OL"), Optional.of(charge),
                Optional.of(1800), Optional.of(load), Optional.of(230.0), Optional.empty(), Optional.empty());
    }

    /** Records the statuses as one batch, then writes every bucket, open or not, as a shutdown would. */
    private void record(StatusHistoryPolicy policy, ProductId device, DeviceStatus... statuses) {
        recorder(policy).record(Arrays.stream(statuses)
                .map(s -> new StatusHistoryRecorder.Reported(device, s)).toList(), clock.instant());
        recorder(policy).flushAll();
    }

    private List<StatusBucket> all(BucketSize size) {
        return buckets.buckets(UPS, size, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void statusesGoIntoTheFiveMinuteBucketThatHoldsTheirTimeWithMinMeanAndMax() {
        clock.advance(Duration.ofMinutes(30));
        record(StatusHistoryPolicy.DEFAULT, UPS,
                status("2026-11-20T08:00:00Z", 90, 10),
                status("2026-11-20T08:04:59.999Z", 80, 30),
                status("2026-11-20T08:05:00Z", 70, 50),
                status("2026-11-20T08:09:59Z", 60, 70));

        List<StatusBucket> five = all(BucketSize.FIVE_MINUTES);
        assertThat(five).extracting(StatusBucket::start).containsExactly(at("2026-11-20T08:00:00Z"),
                at("2026-11-20T08:05:00Z"));
        assertThat(five.get(0).batteryChargePercent()).isEqualTo(new MetricSummary(2, 80, 170, 90));
        assertThat(five.get(0).loadPercent().mean()).isEqualTo(20);
        assertThat(five.get(1).batteryChargePercent()).isEqualTo(new MetricSummary(2, 60, 130, 70));
        assertThat(five.get(1).inputVoltage()).isEqualTo(new MetricSummary(2, 230, 460, 230));
        assertThat(all(BucketSize.ONE_HOUR)).as("hours are the job's to make").isEmpty();

        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T08:07:00Z", 100, 90));
        assertThat(all(BucketSize.FIVE_MINUTES).get(1).batteryChargePercent())
                .as("a later batch adds to the same bucket").isEqualTo(new MetricSummary(3, 60, 230, 100));
    }

    @Test
    void aStatusFromTheFutureCountsAtNowAndOneOlderThanKeptIsLeftOut() {
        clock.advance(Duration.ofMinutes(12));
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T11:00:00Z", 90, 10));

        assertThat(all(BucketSize.FIVE_MINUTES)).extracting(StatusBucket::start)
                .as("the device's clock runs ahead: the status counts in the bucket of the server's now")
                .containsExactly(at("2026-11-20T08:10:00Z"));

        // Five-minute buckets are kept two days: one that starts before now minus 2 days is left out, the one
        // holding that edge is kept.
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-18T08:09:59Z", 50, 10),
                status("2026-11-18T08:10:00Z", 60, 10));
        assertThat(all(BucketSize.FIVE_MINUTES)).extracting(StatusBucket::start)
                .containsExactly(at("2026-11-18T08:10:00Z"), at("2026-11-20T08:10:00Z"));

        record(new StatusHistoryPolicy(1), UPS, status("2026-11-19T08:04:00Z", 50, 10));
        assertThat(all(BucketSize.FIVE_MINUTES)).as("a history of one day keeps five-minute buckets one day")
                .hasSize(2);
    }

    @Test
    void withZeroDaysNothingIsRecordedAndTheJobDeletesWhatWasKept() {
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T07:58:00Z", 90, 10));
        clock.advance(Duration.ofHours(2));
        job(StatusHistoryPolicy.DEFAULT, buckets).runDue();
        assertThat(buckets.size()).isEqualTo(2);

        record(StatusHistoryPolicy.OFF, UPS, status("2026-11-20T09:58:00Z", 90, 10));
        assertThat(buckets.size()).as("the history is off").isEqualTo(2);

        int done = job(StatusHistoryPolicy.OFF, buckets).runDue();

        assertThat(done).isEqualTo(2);
        assertThat(buckets.size()).as("the buckets kept before the history was turned off go").isZero();
    }

    @Test
    void anHourIsRolledUpOnceItIsOverPlusFiveMinutesAndOnlyOnce() {
        clock.advance(Duration.ofMinutes(50));
        record(KEEP_3_DAYS, UPS, status("2026-11-20T08:01:00Z", 90, 10), status("2026-11-20T08:31:00Z", 70, 30),
                status("2026-11-20T08:59:59Z", 50, 20));
        clock.advance(Duration.ofMinutes(10));
        record(KEEP_3_DAYS, UPS, status("2026-11-20T09:00:00Z", 10, 90));
        StatusHistoryJob job = job(KEEP_3_DAYS, buckets);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        job.runDue();
        assertThat(all(BucketSize.ONE_HOUR)).as("at 09:04:59 statuses of 08:xx may still arrive").isEmpty();

        record(KEEP_3_DAYS, UPS, status("2026-11-20T08:58:00Z", 60, 40));
        clock.advance(Duration.ofSeconds(1));
        job.runDue();
        assertThat(all(BucketSize.ONE_HOUR)).singleElement().satisfies(hour -> {
            assertThat(hour.start()).isEqualTo(at("2026-11-20T08:00:00Z"));
            assertThat(hour.batteryChargePercent()).as("the late status counts, 09:00 is the next hour's")
                    .isEqualTo(new MetricSummary(4, 50, 270, 90));
            assertThat(hour.loadPercent()).isEqualTo(new MetricSummary(4, 10, 100, 40));
        });

        record(KEEP_3_DAYS, UPS, status("2026-11-20T08:59:00Z", 0, 0));
        job.runDue();
        assertThat(all(BucketSize.ONE_HOUR).getFirst().batteryChargePercent().count())
                .as("a made hour is left as it is").isEqualTo(4);
    }

    @Test
    void bucketsOlderThanKeptAreDeletedAFewHundredDevicesAtATime() {
        int fleet = 2 * StatusHistoryJob.DEVICES_PER_STEP + 50;
        List<StatusBucket> old = new ArrayList<>();
        for (int i = 0; i < fleet; i++) {
            ProductId device = new ProductId(String.format("AS%010d", i));
            old.add(StatusBucket.of(device, BucketSize.ONE_HOUR, at("2026-11-17T07:00:00Z"),
                    status("2026-11-17T07:00:00Z", 50, 10)));
            old.add(StatusBucket.of(device, BucketSize.FIVE_MINUTES, at("2026-11-18T07:55:00Z"),
                    status("2026-11-18T07:55:00Z", 50, 10)));
        }
        // Kept: the hour that holds now minus 3 days, the five minutes that hold now minus 2 days.
        List<StatusBucket> kept = List.of(
                StatusBucket.of(UPS, BucketSize.ONE_HOUR, at("2026-11-17T08:00:00Z"), status("2026-11-17T08:00:00Z", 50, 10)),
                StatusBucket.of(UPS, BucketSize.FIVE_MINUTES, at("2026-11-18T08:00:00Z"),
                        status("2026-11-18T08:00:00Z", 50, 10)));
        buckets.add(old);
        buckets.add(kept);
        List<Integer> deletedPerStep = new ArrayList<>();
        StatusHistoryRepository watched = new Watched(buckets, deletedPerStep);
        int before = transactions.committed();

        int done = job(KEEP_3_DAYS, watched).runDue();

        assertThat(done).isEqualTo(2 * fleet);
        assertThat(buckets.size()).isEqualTo(kept.size());
        assertThat(all(BucketSize.ONE_HOUR)).extracting(StatusBucket::start).containsExactly(at("2026-11-17T08:00:00Z"));
        assertThat(deletedPerStep).as("each step its own transaction, a few hundred devices each")
                .allMatch(n -> n <= StatusHistoryJob.DEVICES_PER_STEP).hasSizeGreaterThanOrEqualTo(6);
        assertThat(transactions.committed() - before).isGreaterThanOrEqualTo(deletedPerStep.size());
    }

    /** The repository, with what each prune step deleted noted. */
    private record Watched(StatusHistoryRepository delegate, List<Integer> deletedPerStep)
            implements StatusHistoryRepository {

        @Override
        public void add(Collection<StatusBucket> parts) {
            delegate.add(parts);
        }

        @Override
        public Step rollUp(Instant from, Instant to, Optional<ProductId> after, int devices) {
            return delegate.rollUp(from, to, after, devices);
        }

        @Override
        public List<StatusBucket> buckets(ProductId productId, BucketSize size, Instant from, Instant to) {
            return delegate.buckets(productId, size, from, to);
        }

        @Override
        public Step prune(BucketSize size, Instant before, Optional<ProductId> after, int devices) {
            Step step = delegate.prune(size, before, after, devices);
            deletedPerStep.add(step.buckets());
            return step;
        }
    }

    // Held in memory: each bucket written once.

    /** The repository, with the parts of each {@code add} call noted, failing the next calls on demand. */
    private static final class Written implements StatusHistoryRepository {

        private final StatusHistoryRepository delegate;
        final List<List<StatusBucket>> adds = new ArrayList<>();
        int failNext;

        Written(StatusHistoryRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public void add(Collection<StatusBucket> parts) {
            if (failNext > 0) {
                failNext--;
                throw new IllegalStateException("the database is away (scripted)");
            }
            adds.add(List.copyOf(parts));
            delegate.add(parts);
        }

        @Override
        public Step rollUp(Instant from, Instant to, Optional<ProductId> after, int devices) {
            return delegate.rollUp(from, to, after, devices);
        }

        @Override
        public List<StatusBucket> buckets(ProductId productId, BucketSize size, Instant from, Instant to) {
            return delegate.buckets(productId, size, from, to);
        }

        @Override
        public Step prune(BucketSize size, Instant before, Optional<ProductId> after, int devices) {
            return delegate.prune(size, before, after, devices);
        }
    }

    private static void batch(StatusHistoryRecorder recorder, Instant now, ProductId device, DeviceStatus... statuses) {
        recorder.record(Arrays.stream(statuses).map(s -> new StatusHistoryRecorder.Reported(device, s)).toList(), now);
    }

    private static DeviceStatus numbered(long seq, String sentAt, int charge) {
        return new DeviceStatus(Optional.of(seq), Instant.parse(sentAt), List.of("OL"), Optional.of(charge),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theBatchesOfFiveMinutesMakeOneBucketWrittenOnceTheFiveMinutesAreOver() {
        Written written = new Written(buckets);
        StatusHistoryRecorder recorder = new StatusHistoryRecorder(clock, StatusHistoryPolicy.DEFAULT, written,
                transactions);
        ProductId other = new ProductId("AS2104000001");
        for (int second = 0; second < 300; second += 20) {
            clock.advance(Duration.ofSeconds(second == 0 ? 1 : 20));
            batch(recorder, clock.instant(), UPS, status(clock.instant().toString(), 50 + second / 20, 10));
            batch(recorder, clock.instant(), other, status(clock.instant().toString(), 90, 10));
        }
        assertThat(written.adds).as("15 batches in the five minutes of 08:00, nothing written yet").isEmpty();
        assertThat(recorder.open(UPS)).singleElement().satisfies(open ->
                assertThat(open.batteryChargePercent()).isEqualTo(new MetricSummary(15, 50, 855, 64)));
        assertThat(recorder.flushClosed()).as("08:04:41: still open").isZero();

        clock.advance(Duration.ofSeconds(20));
        batch(recorder, clock.instant(), UPS, status(clock.instant().toString(), 10, 10));

        assertThat(written.adds).as("the first batch after 08:05 writes the buckets of 08:00, both devices in one call")
                .singleElement().satisfies(parts -> assertThat(parts).extracting(StatusBucket::productId)
                        .containsExactly(other, UPS));
        assertThat(all(BucketSize.FIVE_MINUTES)).singleElement().satisfies(bucket -> {
            assertThat(bucket.start()).isEqualTo(at("2026-11-20T08:00:00Z"));
            assertThat(bucket.batteryChargePercent()).isEqualTo(new MetricSummary(15, 50, 855, 64));
        });
        assertThat(recorder.open(UPS)).extracting(StatusBucket::start).containsExactly(at("2026-11-20T08:05:00Z"));

        // A late status of 08:04 (a device that kept it) waits for the next write, then adds to the written bucket.
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:04:00Z", 100, 10));
        clock.advance(Duration.ofMinutes(5));
        assertThat(recorder.flushClosed()).as("the late part and the five minutes of 08:05").isEqualTo(2);
        assertThat(all(BucketSize.FIVE_MINUTES)).extracting(b -> b.batteryChargePercent().count())
                .containsExactly(16, 1);
        assertThat(recorder.open(UPS)).isEmpty();
        assertThat(recorder.flushAll()).isZero();
    }

    @Test
    void aStatusSentAgainUnderQos1CountsOnceAndShutdownWritesTheOpenBuckets() {
        StatusHistoryRecorder recorder = recorder(StatusHistoryPolicy.DEFAULT);
        clock.advance(Duration.ofMinutes(1));
        batch(recorder, clock.instant(), UPS, numbered(7, "2026-11-20T08:00:30Z", 90),
                numbered(8, "2026-11-20T08:00:40Z", 80));
        // The acknowledgement was lost: the device sends both again, and one more.
        batch(recorder, clock.instant(), UPS, numbered(7, "2026-11-20T08:00:30Z", 90),
                numbered(8, "2026-11-20T08:00:40Z", 80), numbered(9, "2026-11-20T08:00:50Z", 70));
        // Restarted, the device counts from 7 again: a new status, at another time.
        batch(recorder, clock.instant(), UPS, numbered(7, "2026-11-20T08:00:55Z", 60));

        assertThat(recorder.open(UPS)).singleElement().satisfies(open ->
                assertThat(open.batteryChargePercent()).isEqualTo(new MetricSummary(4, 60, 300, 90)));
        assertThat(all(BucketSize.FIVE_MINUTES)).isEmpty();

        assertThat(recorder.flushAll()).as("at shutdown, the open bucket too").isEqualTo(1);
        assertThat(all(BucketSize.FIVE_MINUTES)).singleElement().satisfies(bucket ->
                assertThat(bucket.batteryChargePercent()).isEqualTo(new MetricSummary(4, 60, 300, 90)));

        // A batch that a slow committer stores after that is written at once, not kept for a flush that never comes.
        batch(recorder, clock.instant(), UPS, numbered(10, "2026-11-20T08:00:58Z", 50));
        assertThat(recorder.open(UPS)).isEmpty();
        assertThat(all(BucketSize.FIVE_MINUTES)).singleElement().satisfies(bucket ->
                assertThat(bucket.batteryChargePercent()).isEqualTo(new MetricSummary(5, 50, 350, 90)));
    }

    @Test
    void bucketsThatCouldNotBeWrittenAreKeptAndWrittenWithTheNextOnes() {
        Written written = new Written(buckets);
        StatusHistoryRecorder recorder = new StatusHistoryRecorder(clock, StatusHistoryPolicy.DEFAULT, written,
                transactions);
        clock.advance(Duration.ofMinutes(1));
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:01:00Z", 90, 10));
        clock.advance(Duration.ofMinutes(5));
        written.failNext = 1;

        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:06:00Z", 80, 10));

        assertThat(all(BucketSize.FIVE_MINUTES)).isEmpty();
        assertThat(recorder.open(UPS)).extracting(StatusBucket::start).containsExactly(at("2026-11-20T08:00:00Z"),
                at("2026-11-20T08:05:00Z"));
        clock.advance(Duration.ofMinutes(4));
        assertThat(recorder.flushClosed()).isEqualTo(2);
        assertThat(all(BucketSize.FIVE_MINUTES)).extracting(b -> b.batteryChargePercent().count())
                .containsExactly(1, 1);
    }

    @Test
    void theJobWritesTheFiveMinutesThatAreOverBeforeItRollsTheHourUp() {
        StatusHistoryRecorder recorder = recorder(KEEP_3_DAYS);
        clock.advance(Duration.ofMinutes(58));
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:58:00Z", 40, 10));
        clock.advance(Duration.ofMinutes(8));

        job(KEEP_3_DAYS, buckets).runDue();

        assertThat(all(BucketSize.ONE_HOUR)).singleElement().satisfies(hour ->
                assertThat(hour.batteryChargePercent()).isEqualTo(new MetricSummary(1, 40, 40, 40)));
    }

    // The charts' query.

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceRegistrations registrations = new InMemoryDeviceRegistrations();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final StatusHistoryService query = new StatusHistoryService(clock, StatusHistoryPolicy.DEFAULT, buckets,
            events, accounts, catalog, new InMemoryDeviceStates(), registrations,
            new PlanService(clock, new DirectTransactions(), catalog, new InMemoryPlans(), FreePeriodPolicy.DEFAULT));

    private AuthenticatedUser member(String email, CompanyId company) {
        Account account = new Account(new AccountId(UUID.randomUUID()), new EmailAddress(email),
                new PersonName("First", "Last"), new Country("GB"), "hash", company, false, clock.instant(),
                clock.instant());
        accounts.add(account);
        return new AuthenticatedUser(account.id(), new SessionId(UUID.randomUUID()), false);
    }

    @Test
    void theChartsReadTheRangesBucketsWithTheHoursNotRolledUpYetAndOnlyForThoseWhoSeeTheDevice() {
        CompanyId company = new CompanyId(UUID.randomUUID());
        AuthenticatedUser ada = member("ada@example.org", company);
        AuthenticatedUser grace = member("grace@example.org", company);
        AuthenticatedUser bob = member("bob@example.org", new CompanyId(UUID.randomUUID()));
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T07:55:00Z", 99, 1));
        registrations.add(DeviceRegistration.registered(UPS, ada.accountId(), company, clock.instant()));
        clock.advance(Duration.ofHours(3));
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T08:10:00Z", 90, 10),
                status("2026-11-20T08:12:00Z", 80, 30));
        job(StatusHistoryPolicy.DEFAULT, buckets).runDue();
        record(StatusHistoryPolicy.DEFAULT, UPS, status("2026-11-20T10:40:00Z", 60, 50),
                status("2026-11-20T10:59:00Z", 40, 70));
        events.add(DeviceEvent.byServer(UPS, "e-1", DeviceEventType.ON_BATTERY, at("2026-11-20T10:41:00Z")));

        StatusHistoryView day = query.history(new StatusHistoryCriteria(new DeviceCriteria(ada, UPS.value()), HistoryRange.LAST_24_HOURS)).orElseThrow();
        assertThat(day.buckets()).as("what the device sent before it was registered is not its owner's")
                .extracting(StatusBucket::start).containsExactly(at("2026-11-20T08:10:00Z"),
                        at("2026-11-20T10:40:00Z"), at("2026-11-20T10:55:00Z"));
        assertThat(day.buckets().getFirst().batteryChargePercent()).isEqualTo(new MetricSummary(2, 80, 170, 90));
        assertThat(day.onBattery()).containsExactly(new OnBatteryPeriod(at("2026-11-20T10:41:00Z"), Optional.empty()));

        StatusHistoryView week = query.history(new StatusHistoryCriteria(new DeviceCriteria(grace, UPS.value()), HistoryRange.LAST_7_DAYS)).orElseThrow();
        assertThat(week.buckets()).extracting(StatusBucket::start).as("08:00 rolled up, 10:00 still filling")
                .containsExactly(at("2026-11-20T08:00:00Z"), at("2026-11-20T10:00:00Z"));
        assertThat(week.buckets().get(1).batteryChargePercent()).isEqualTo(new MetricSummary(2, 40, 100, 60));

        assertThat(query.history(new StatusHistoryCriteria(new DeviceCriteria(bob, UPS.value()), HistoryRange.LAST_24_HOURS))).as("a stranger's device").isEmpty();
        assertThat(query.history(new StatusHistoryCriteria(new DeviceCriteria(ada, "not-an-id"), HistoryRange.LAST_24_HOURS))).isEmpty();
    }

    @Test
    void theChartsReadTheBucketsNotWrittenYetWithThoseWritten() {
        CompanyId company = new CompanyId(UUID.randomUUID());
        AuthenticatedUser ada = member("ada@example.org", company);
        registrations.add(DeviceRegistration.registered(UPS, ada.accountId(), company, clock.instant()));
        StatusHistoryRecorder recorder = recorder(StatusHistoryPolicy.DEFAULT);
        StatusHistoryService charts = new StatusHistoryService(clock, StatusHistoryPolicy.DEFAULT, buckets, recorder,
                events, accounts, catalog, new InMemoryDeviceStates(), registrations,
                new PlanService(clock, new DirectTransactions(), catalog, new InMemoryPlans(), FreePeriodPolicy.DEFAULT));
        clock.advance(Duration.ofMinutes(3));
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:03:00Z", 90, 10));
        clock.advance(Duration.ofMinutes(4));
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:07:00Z", 80, 30));
        // 08:00 written by the batch of 08:07; a late status of 08:04 for it is held, with the open 08:05.
        batch(recorder, clock.instant(), UPS, status("2026-11-20T08:04:00Z", 70, 20));
        assertThat(all(BucketSize.FIVE_MINUTES)).hasSize(1);

        StatusHistoryView day = charts.history(new StatusHistoryCriteria(new DeviceCriteria(ada, UPS.value()),
                HistoryRange.LAST_24_HOURS)).orElseThrow();
        assertThat(day.buckets()).extracting(StatusBucket::start).containsExactly(at("2026-11-20T08:00:00Z"),
                at("2026-11-20T08:05:00Z"));
        assertThat(day.buckets().getFirst().batteryChargePercent()).isEqualTo(new MetricSummary(2, 70, 160, 90));
        StatusHistoryView week = charts.history(new StatusHistoryCriteria(new DeviceCriteria(ada, UPS.value()),
                HistoryRange.LAST_7_DAYS)).orElseThrow();
        assertThat(week.buckets()).singleElement().satisfies(hour ->
                assertThat(hour.batteryChargePercent()).isEqualTo(new MetricSummary(3, 70, 240, 90)));
    }
}
