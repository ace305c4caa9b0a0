package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.plan.port.out.PlanRepository;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.DevicePlan;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanChange.Reason;
import com.smartconnect.domain.plan.PlanChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

abstract class PlanRepositoryContract extends PortContract {

    private static final Instant NOW = Examples.NOW;
    private static final Instant IN_A_YEAR = NOW.plus(Duration.ofDays(365));
    private static final Duration MICROSECOND = Duration.ofNanos(1000);

    private PlanRepository plans() {
        return ports.plans();
    }

    /** Every test starts without plans: otherwise the plans of one test would be claimed or listed in the next. */
    @BeforeEach
    void removeEveryPlan() throws SQLException {
        removeEveryRowOf("plan_notice", "device_plan_change", "device_plan");
    }

    @Test
    void keepsAFreePeriodAndItsHistoryEntry() {
        ProductId device = catalogued();
        DevicePlan plan = new DevicePlan(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR));
        PlanChange change = new PlanChange(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR),
                Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL);

        plans().save(plan, change);

        assertThat(plans().find(device)).contains(plan);
        assertThat(plans().history(device)).containsExactly(change);
    }

    @Test
    void keepsBasicWithoutAnEnd() {
        ProductId device = catalogued();
        DevicePlan basic = new DevicePlan(device, Plan.BASIC, NOW, Optional.empty());
        PlanChange change = new PlanChange(device, Plan.BASIC, NOW, Optional.empty(), Reason.ACTIVATED, "store");

        plans().save(basic, change);

        assertThat(plans().find(device)).contains(basic);
        assertThat(plans().lock(device)).contains(basic);
        assertThat(plans().history(device)).containsExactly(change);
    }

    @Test
    void aDeviceWithoutAPlanHasNoneAndNoHistory() {
        ProductId device = catalogued();
        saveFreePeriod(catalogued(), IN_A_YEAR);

        assertThat(plans().find(device)).isEmpty();
        assertThat(plans().lock(device)).isEmpty();
        assertThat(plans().history(device)).isEmpty();
        assertThat(plans().find(DeviceCatalogContract.uniqueProductId())).isEmpty();
    }

    /**
     * Each save replaces the device's plan, Basic's missing end over an end too, and appends to its history; the
     * history runs in the order of storing even when the clock went back or two changes share an instant.
     */
    @Test
    void eachSaveReplacesThePlanAndAppendsToTheHistoryInOrder() throws SQLException {
        ProductId device = catalogued();
        ProductId other = catalogued();
        PlanChange started = saveFreePeriod(device, IN_A_YEAR);
        saveFreePeriod(other, IN_A_YEAR);
        Instant later = NOW.plus(Duration.ofDays(10));
        Instant extendedEnd = IN_A_YEAR.plus(Duration.ofDays(365));
        DevicePlan standard = new DevicePlan(device, Plan.STANDARD, later, Optional.of(IN_A_YEAR));
        PlanChange activated = new PlanChange(device, Plan.STANDARD, later, Optional.of(IN_A_YEAR), Reason.ACTIVATED,
                "store");
        DevicePlan extended = new DevicePlan(device, Plan.STANDARD, later, Optional.of(extendedEnd));
        PlanChange extension = new PlanChange(device, Plan.STANDARD, later, Optional.of(extendedEnd), Reason.EXTENDED,
                "reseller-system");
        Instant clockSetBack = NOW.minus(Duration.ofDays(1));
        DevicePlan basic = new DevicePlan(device, Plan.BASIC, clockSetBack, Optional.empty());
        PlanChange ended = new PlanChange(device, Plan.BASIC, clockSetBack, Optional.empty(), Reason.ENDED,
                PlanChange.PORTAL);

        plans().save(standard, activated);
        assertThat(plans().find(device)).contains(standard);
        plans().save(extended, extension);
        assertThat(plans().find(device)).contains(extended);
        plans().save(basic, ended);

        assertThat(plans().find(device)).contains(basic);
        assertThat(plans().history(device)).containsExactly(started, activated, extension, ended);
        assertThat(plans().history(other)).hasSize(1);
        inTheTables(() -> assertThat(planRowsOf(device)).isEqualTo(1));
    }

    /** The plan and its history entry go together: a save that fails half way, even outside a transaction, leaves neither. */
    @DatabaseOnly("its column sizes, and the rollback of the refused save")
    @Test
    void aSaveThatFailsStoresNeitherThePlanNorItsHistoryEntry() {
        ProductId device = catalogued();
        PlanChange started = saveFreePeriod(device, IN_A_YEAR);
        DevicePlan standard = new DevicePlan(device, Plan.STANDARD, NOW, Optional.of(IN_A_YEAR));
        PlanChange tooLongASource = new PlanChange(device, Plan.STANDARD, NOW, Optional.of(IN_A_YEAR), Reason.ACTIVATED,
                "s".repeat(65));

        assertThatThrownBy(() -> plans().save(standard, tooLongASource)).isInstanceOf(RuntimeException.class);

        assertThat(plans().find(device).orElseThrow().plan()).isEqualTo(Plan.FREE_PERIOD);
        assertThat(plans().history(device)).containsExactly(started);
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void aSaveInATransactionThatRollsBackStoresNothing() {
        ProductId device = catalogued();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
            saveFreePeriod(device, IN_A_YEAR);
            throw new IllegalStateException("the registration failed");
        })).hasMessage("the registration failed");

        assertThat(plans().find(device)).isEmpty();
        assertThat(plans().history(device)).isEmpty();
    }

    @Test
    void refusesAChangeOfAnotherDevice() {
        ProductId device = catalogued();
        ProductId other = catalogued();

        assertThatThrownBy(() -> plans().save(new DevicePlan(device, Plan.BASIC, NOW, Optional.empty()),
                new PlanChange(other, Plan.BASIC, NOW, Optional.empty(), Reason.ACTIVATED, "store")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(plans().find(device)).isEmpty();
        assertThat(plans().history(other)).isEmpty();
    }

    /** The foreign key: only a device of the catalog has a plan. */
    @DatabaseOnly("its foreign keys and their cascades")
    @Test
    void refusesAPlanOfADeviceNotInTheCatalog() {
        ProductId unknown = DeviceCatalogContract.uniqueProductId();

        assertThatThrownBy(() -> saveFreePeriod(unknown, IN_A_YEAR)).isInstanceOf(RuntimeException.class);

        assertThat(plans().find(unknown)).isEmpty();
    }

    /** Two first plans of one device stored at once (its registration, a plan sold for it): both succeed, both are kept. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void twoFirstPlansOfOneDeviceAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 10; round++) {
            ProductId device = catalogued();
            CyclicBarrier start = new CyclicBarrier(2);
            DevicePlan free = new DevicePlan(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR));
            DevicePlan advanced = new DevicePlan(device, Plan.ADVANCED, NOW, Optional.of(IN_A_YEAR));
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> saveAfter(start, free), SEPARATE_THREADS);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> saveAfter(start, advanced),
                    SEPARATE_THREADS);

            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);

            assertThat(plans().find(device).orElseThrow()).as("round " + round).isIn(free, advanced);
            assertThat(plans().history(device)).as("round " + round).hasSize(2);
            assertThat(planRowsOf(device)).as("round " + round).isEqualTo(1);
        }
    }

    /** The free period of a first registration never overwrites a plan stored before it, nor adds to its history. */
    @Test
    void aFirstPlanIsAddedOnlyWhereThereIsNone() {
        ProductId device = catalogued();
        DevicePlan advanced = new DevicePlan(device, Plan.ADVANCED, NOW, Optional.of(IN_A_YEAR));
        DevicePlan free = new DevicePlan(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR));
        PlanChange started = new PlanChange(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR),
                Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL);
        plans().save(advanced, new PlanChange(device, Plan.ADVANCED, NOW, Optional.of(IN_A_YEAR), Reason.ACTIVATED,
                "store"));

        assertThat(plans().addIfAbsent(free, started)).isFalse();
        assertThat(plans().find(device)).contains(advanced);
        assertThat(plans().history(device)).hasSize(1);

        ProductId fresh = catalogued();
        DevicePlan freshFree = new DevicePlan(fresh, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR));
        assertThat(plans().addIfAbsent(freshFree, new PlanChange(fresh, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR),
                Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL))).isTrue();
        assertThat(plans().find(fresh)).contains(freshFree);
    }

    /** A plan sold while the device is registered for the first time stays, whichever of the two comes first. */
    @Test
    void aPlanSoldAtTheMomentOfTheFirstRegistrationIsKept() throws Exception {
        for (int round = 0; round < 10; round++) {
            ProductId device = catalogued();
            CyclicBarrier start = new CyclicBarrier(2);
            DevicePlan advanced = new DevicePlan(device, Plan.ADVANCED, NOW, Optional.of(IN_A_YEAR));
            CompletableFuture<Boolean> free = CompletableFuture.supplyAsync(() -> {
                awaitOthers(start);
                return ports.transactions().inTransaction(() -> plans().addIfAbsent(
                        new DevicePlan(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR)),
                        new PlanChange(device, Plan.FREE_PERIOD, NOW, Optional.of(IN_A_YEAR),
                                Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL)));
            }, SEPARATE_THREADS);
            CompletableFuture<Void> sold = CompletableFuture.runAsync(() -> saveAfter(start, advanced), SEPARATE_THREADS);

            boolean freeAdded = free.get(20, TimeUnit.SECONDS);
            sold.get(20, TimeUnit.SECONDS);

            // The sale either comes after the free period (and replaces it) or before it (and the free period is not
            // added): the device ends on Advanced either way.
            assertThat(plans().find(device).orElseThrow().plan()).as("round " + round).isEqualTo(Plan.ADVANCED);
            assertThat(plans().history(device)).as("round " + round).hasSize(freeAdded ? 2 : 1);
        }
    }

    /** A second lock of the same plan waits until the transaction holding the first ends, then sees its change. */
    @Test
    void lockHoldsThePlanUntilTheTransactionEnds() throws Exception {
        ProductId device = catalogued();
        saveFreePeriod(device, IN_A_YEAR);
        DevicePlan standard = new DevicePlan(device, Plan.STANDARD, NOW, Optional.of(IN_A_YEAR));
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Optional<DevicePlan>> first = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> {
                    Optional<DevicePlan> locked = plans().lock(device);
                    firstLocked.countDown();
                    await(releaseFirst);
                    plans().save(standard, new PlanChange(device, Plan.STANDARD, NOW, Optional.of(IN_A_YEAR),
                            Reason.ACTIVATED, "store"));
                    return locked;
                }), SEPARATE_THREADS);
        try {
            await(firstLocked);
            CompletableFuture<Optional<DevicePlan>> second = CompletableFuture.supplyAsync(
                    () -> ports.transactions().inTransaction(() -> plans().lock(device)), SEPARATE_THREADS);
            Thread.sleep(Duration.ofMillis(300));
            assertThat(second).as("waits for the first").isNotDone();
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).orElseThrow().plan()).isEqualTo(Plan.FREE_PERIOD);
            assertThat(second.get(10, TimeUnit.SECONDS)).contains(standard);
        } finally {
            releaseFirst.countDown();
        }
    }

    /** Past their end (at it included) and not Basic; a plan ending a microsecond later has not ended yet. */
    @Test
    void claimsOnlyThePlansOtherThanBasicThatHaveEnded() {
        DevicePlan endedLongAgo = stored(Plan.FREE_PERIOD, NOW.minus(Duration.ofDays(30)));
        DevicePlan endingNow = stored(Plan.STANDARD, NOW);
        DevicePlan advancedEnded = stored(Plan.ADVANCED, NOW.minusSeconds(1));
        stored(Plan.ADVANCED, NOW.plus(MICROSECOND));
        stored(Plan.FREE_PERIOD, IN_A_YEAR);
        stored(Plan.BASIC, null);

        assertThat(plans().claimEnded(NOW, 10)).containsExactlyInAnyOrder(endedLongAgo, endingNow, advancedEnded);
        assertThat(plans().claimEnded(NOW.minus(Duration.ofDays(365)), 10)).isEmpty();
    }

    /** As the job uses it: each batch ends what it claimed, and the next batch claims the rest. */
    @Test
    void claimsNoMoreThanTheLimit() {
        List<DevicePlan> ended = List.of(stored(Plan.FREE_PERIOD, NOW.minusSeconds(120)),
                stored(Plan.STANDARD, NOW.minusSeconds(60)), stored(Plan.ADVANCED, NOW));

        assertThat(plans().claimEnded(NOW, 2)).hasSize(2).isSubsetOf(ended);
        assertThat(plans().claimEnded(NOW, 0)).isEmpty();
        List<DevicePlan> firstBatch = endClaimed(2);
        List<DevicePlan> secondBatch = endClaimed(2);

        assertThat(firstBatch).hasSize(2);
        List<DevicePlan> both = new ArrayList<>(firstBatch);
        both.addAll(secondBatch);
        assertThat(both).containsExactlyInAnyOrderElementsOf(ended);
        assertThat(plans().claimEnded(NOW, 10)).isEmpty();
        for (DevicePlan plan : ended) {
            assertThat(plans().find(plan.productId()).orElseThrow().plan()).isEqualTo(Plan.BASIC);
            assertThat(plans().history(plan.productId())).last().extracting(PlanChange::reason).isEqualTo(Reason.ENDED);
        }
    }

    /**
     * The jobs of two instances at once: the second passes over the plans the first holds, at once, instead of
     * waiting for them or taking them too.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aSecondClaimerSkipsThePlansTheFirstHolds() throws Exception {
        List<DevicePlan> ended = List.of(stored(Plan.FREE_PERIOD, NOW.minusSeconds(120)),
                stored(Plan.STANDARD, NOW.minusSeconds(60)), stored(Plan.ADVANCED, NOW));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<List<DevicePlan>> first = CompletableFuture.supplyAsync(
                () -> ports.transactions().inTransaction(() -> {
                    List<DevicePlan> claimed = plans().claimEnded(NOW, 2);
                    firstClaimed.countDown();
                    await(releaseFirst);
                    return claimed;
                }), SEPARATE_THREADS);
        try {
            await(firstClaimed);
            CompletableFuture<List<DevicePlan>> second = CompletableFuture.supplyAsync(
                    () -> ports.transactions().inTransaction(() -> plans().claimEnded(NOW, 10)), SEPARATE_THREADS);

            List<DevicePlan> secondClaims = second.get(5, TimeUnit.SECONDS);
            releaseFirst.countDown();
            List<DevicePlan> firstClaims = first.get(10, TimeUnit.SECONDS);

            assertThat(firstClaims).hasSize(2);
            assertThat(secondClaims).hasSize(1);
            List<DevicePlan> both = new ArrayList<>(firstClaims);
            both.addAll(secondClaims);
            assertThat(both).as("the second gets what the first does not hold, while the first holds it")
                    .containsExactlyInAnyOrderElementsOf(ended);
        } finally {
            releaseFirst.countDown();
        }
        assertThat(plans().claimEnded(NOW, 10)).as("no longer held").containsExactlyInAnyOrderElementsOf(ended);
    }

    /** From excluded, until included; free periods only. */
    @Test
    void listsTheFreePeriodsEndingAfterFromAndAtOrBeforeUntil() {
        Instant from = NOW;
        Instant until = NOW.plus(Duration.ofDays(30));
        stored(Plan.FREE_PERIOD, from);
        DevicePlan justAfterFrom = stored(Plan.FREE_PERIOD, from.plus(MICROSECOND));
        DevicePlan inBetween = stored(Plan.FREE_PERIOD, from.plus(Duration.ofDays(7)));
        DevicePlan atUntil = stored(Plan.FREE_PERIOD, until);
        DevicePlan justAfterUntil = stored(Plan.FREE_PERIOD, until.plus(MICROSECOND));
        stored(Plan.FREE_PERIOD, from.minus(Duration.ofDays(1)));
        stored(Plan.STANDARD, from.plus(Duration.ofDays(7)));
        stored(Plan.ADVANCED, until);
        stored(Plan.BASIC, null);

        assertThat(plans().freePeriodsEndingBetween(from, until, 10, Optional.empty()))
                .containsExactly(justAfterFrom, inBetween, atUntil);
        assertThat(plans().freePeriodsEndingBetween(from, until, 0, Optional.empty())).isEmpty();
        assertThat(plans().freePeriodsEndingBetween(until, until.plus(Duration.ofDays(1)), 10, Optional.empty()))
                .as("the next window").containsExactly(justAfterUntil);
    }

    /** Pages by Product ID, each after the last of the one before, whatever order the plans were stored in. */
    @Test
    void pagesTheFreePeriodsInTheOrderOfTheirProductIds() {
        List<ProductId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(catalogued());
        }
        ids.sort((a, b) -> a.value().compareTo(b.value()));
        List<DevicePlan> inOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inOrder.add(new DevicePlan(ids.get(i), Plan.FREE_PERIOD, NOW, Optional.of(NOW.plus(Duration.ofDays(10 - i)))));
        }
        for (int i : new int[] {3, 0, 4, 2, 1}) {
            DevicePlan plan = inOrder.get(i);
            plans().save(plan, new PlanChange(plan.productId(), Plan.FREE_PERIOD, NOW, plan.endsAt(),
                    Reason.FREE_PERIOD_STARTED, PlanChange.PORTAL));
        }
        Instant until = NOW.plus(Duration.ofDays(30));

        List<DevicePlan> firstPage = plans().freePeriodsEndingBetween(NOW, until, 2, Optional.empty());
        List<DevicePlan> secondPage = plans().freePeriodsEndingBetween(NOW, until, 2,
                Optional.of(firstPage.get(1).productId()));
        List<DevicePlan> lastPage = plans().freePeriodsEndingBetween(NOW, until, 2,
                Optional.of(secondPage.get(1).productId()));

        assertThat(firstPage).containsExactly(inOrder.get(0), inOrder.get(1));
        assertThat(secondPage).containsExactly(inOrder.get(2), inOrder.get(3));
        assertThat(lastPage).containsExactly(inOrder.get(4));
        assertThat(plans().freePeriodsEndingBetween(NOW, until, 2, Optional.of(ids.get(4)))).isEmpty();
        assertThat(plans().freePeriodsEndingBetween(NOW, until, 10, Optional.of(ids.get(2))))
                .containsExactly(inOrder.get(3), inOrder.get(4));
    }

    @Test
    void recordsEachNoticeOnce() {
        ProductId device = catalogued();
        ProductId other = catalogued();
        saveFreePeriod(device, IN_A_YEAR);

        assertThat(plans().markNoticeSent(device, IN_A_YEAR, 30)).isTrue();
        assertThat(plans().markNoticeSent(device, IN_A_YEAR, 30)).isFalse();
        assertThat(plans().markNoticeSent(device, IN_A_YEAR, 7)).as("another stage").isTrue();
        assertThat(plans().markNoticeSent(device, IN_A_YEAR.plus(Duration.ofDays(1)), 30)).as("another end").isTrue();
        assertThat(plans().markNoticeSent(other, IN_A_YEAR, 30)).as("another device").isTrue();
        assertThat(plans().markNoticeSent(device, IN_A_YEAR, 7)).isFalse();
        assertThat(plans().markNoticeSent(other, IN_A_YEAR, 30)).isFalse();
    }

    /** On PostgreSQL a failed statement would abort the transaction; the notice already recorded must leave it usable. */
    @Test
    void aNoticeRecordedAlreadyLeavesTheTransactionUsable() {
        ProductId device = catalogued();
        ProductId other = catalogued();
        plans().markNoticeSent(device, IN_A_YEAR, 30);

        boolean recorded = ports.transactions().inTransaction(() -> {
            boolean again = plans().markNoticeSent(device, IN_A_YEAR, 30);
            assertThat(plans().markNoticeSent(device, IN_A_YEAR, 7)).isTrue();
            saveFreePeriod(other, IN_A_YEAR);
            ports.mailOutbox().enqueue(Examples.signUpCodeMail());
            return again;
        });

        assertThat(recorded).isFalse();
        assertThat(plans().markNoticeSent(device, IN_A_YEAR, 7)).as("committed").isFalse();
        assertThat(plans().find(other)).isPresent();
    }

    /**
     * The notice jobs of two instances at once: exactly one records each notice (and so sends it). Several rounds,
     * so that the two really meet in the database in some of them.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void ofTwoInstancesRecordingOneNoticeAtOnceExactlyOneDoes() throws Exception {
        for (int round = 0; round < 20; round++) {
            ProductId device = catalogued();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                    () -> markAfter(start, device), SEPARATE_THREADS);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                    () -> markAfter(start, device), SEPARATE_THREADS);

            assertThat(List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS)))
                    .as("round " + round).containsExactlyInAnyOrder(true, false);
            assertThat(noticeRowsOf(device)).as("round " + round).isEqualTo(1);
        }
    }

    /**
     * The second of two instances cannot see the notice the first recorded but has not committed: it waits for it,
     * then records nothing, and its own transaction goes on.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aNoticeWaitsForAnUncommittedOneThenIsNotRecordedAgain() throws Exception {
        ProductId device = catalogued();
        ProductId other = catalogued();
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ports.transactions().inTransaction(
                () -> {
                    boolean recorded = plans().markNoticeSent(device, IN_A_YEAR, 30);
                    firstRecorded.countDown();
                    await(releaseFirst);
                    return recorded;
                }), SEPARATE_THREADS);
        try {
            await(firstRecorded);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> ports.transactions()
                    .inTransaction(() -> {
                        boolean recorded = plans().markNoticeSent(device, IN_A_YEAR, 30);
                        plans().markNoticeSent(other, IN_A_YEAR, 30);
                        saveFreePeriod(other, IN_A_YEAR);
                        return recorded;
                    }), SEPARATE_THREADS);
            Thread.sleep(Duration.ofMillis(300));
            assertThat(second).as("waits for the first").isNotDone();
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
        } finally {
            releaseFirst.countDown();
        }
        assertThat(noticeRowsOf(device)).isEqualTo(1);
        assertThat(noticeRowsOf(other)).as("the second's transaction committed").isEqualTo(1);
        assertThat(plans().find(other)).isPresent();
    }

    /** A notice whose recording was rolled back (its mail was not queued either) is recorded by the next attempt. */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void aNoticeWaitingForOneThatRollsBackIsRecorded() throws Exception {
        ProductId device = catalogued();
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
            plans().markNoticeSent(device, IN_A_YEAR, 30);
            firstRecorded.countDown();
            await(releaseFirst);
            throw new IllegalStateException("rolled back");
        }), SEPARATE_THREADS);
        try {
            await(firstRecorded);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> ports.transactions()
                    .inTransaction(() -> plans().markNoticeSent(device, IN_A_YEAR, 30)), SEPARATE_THREADS);
            Thread.sleep(Duration.ofMillis(300));
            releaseFirst.countDown();

            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasMessageContaining("rolled back");
            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            releaseFirst.countDown();
        }
        assertThat(noticeRowsOf(device)).isEqualTo(1);
    }

    /** The schema itself ties the end to the plan, past the adapter (an operator, or a bug). */
    @DatabaseOnly("its schema's checks")
    @Test
    void theSchemaKeepsBasicWithoutAnEndAndTheOtherPlansWithOne() throws SQLException {
        ProductId device = catalogued();
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);

        assertThatThrownBy(() -> insertPlan(device, "BASIC", now, now.plusDays(1))).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertPlan(device, "STANDARD", now, null)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertPlan(device, "FREE_PERIOD", now, now)).as("ends at its start")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertPlan(device, "PREMIUM", now, now.plusDays(1))).isInstanceOf(SQLException.class);
        assertThat(plans().find(device)).isEmpty();

        insertPlan(device, "STANDARD", now, now.plusDays(1));
        assertThat(plans().find(device)).contains(
                new DevicePlan(device, Plan.STANDARD, NOW, Optional.of(NOW.plus(Duration.ofDays(1)))));
    }

    /** A device in the catalog, which every plan refers to. */
    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    /** Starts the free period of the device, ending at {@code end}, as a first registration does. */
    private PlanChange saveFreePeriod(ProductId device, Instant end) {
        PlanChange change = new PlanChange(device, Plan.FREE_PERIOD, NOW, Optional.of(end), Reason.FREE_PERIOD_STARTED,
                PlanChange.PORTAL);
        plans().save(new DevicePlan(device, Plan.FREE_PERIOD, NOW, Optional.of(end)), change);
        return change;
    }

    /** A plan of a device of its own, ending at {@code end} (null for Basic), started long before. */
    private DevicePlan stored(Plan plan, Instant end) {
        ProductId device = catalogued();
        Instant start = NOW.minus(Duration.ofDays(400));
        DevicePlan stored = new DevicePlan(device, plan, start, Optional.ofNullable(end));
        plans().save(stored, new PlanChange(device, plan, start, stored.endsAt(),
                plan == Plan.FREE_PERIOD ? Reason.FREE_PERIOD_STARTED : Reason.ACTIVATED, "store"));
        return stored;
    }

    /** One batch of the scheduled job: claims at most {@code limit} and ends them, in one transaction. */
    private List<DevicePlan> endClaimed(int limit) {
        return ports.transactions().inTransaction(() -> {
            List<DevicePlan> claimed = plans().claimEnded(NOW, limit);
            for (DevicePlan plan : claimed) {
                Instant at = plan.endsAt().orElseThrow();
                plans().save(new DevicePlan(plan.productId(), Plan.BASIC, at, Optional.empty()),
                        new PlanChange(plan.productId(), Plan.BASIC, at, Optional.empty(), Reason.ENDED,
                                PlanChange.PORTAL));
            }
            return claimed;
        });
    }

    private void saveAfter(CyclicBarrier start, DevicePlan plan) {
        awaitOthers(start);
        ports.transactions().inTransaction(() -> {
            plans().save(plan, new PlanChange(plan.productId(), plan.plan(), plan.startedAt(), plan.endsAt(),
                    Reason.ACTIVATED, "store"));
            return null;
        });
    }

    private boolean markAfter(CyclicBarrier start, ProductId device) {
        awaitOthers(start);
        return ports.transactions().inTransaction(() -> plans().markNoticeSent(device, IN_A_YEAR, 30));
    }

    private static void awaitOthers(CyclicBarrier start) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int planRowsOf(ProductId device) {
        return count("SELECT COUNT(*) FROM device_plan WHERE product_id = ?", device);
    }

    private int noticeRowsOf(ProductId device) {
        return count("SELECT COUNT(*) FROM plan_notice WHERE product_id = ?", device);
    }

    /** Counted past the port. */
    private int count(String sql, ProductId device) {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, device.value());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a plan past the port, as an operator (or a bug) might. */
    private void insertPlan(ProductId device, String plan, OffsetDateTime startedAt, OffsetDateTime endsAt)
            throws SQLException {
        try (Connection connection = testDatabase().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO device_plan (product_id, plan,"
                        + " started_at, ends_at, changed_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, device.value());
            insert.setString(2, plan);
            insert.setObject(3, startedAt);
            if (endsAt == null) {
                insert.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                insert.setObject(4, endsAt);
            }
            insert.setObject(5, startedAt);
            insert.executeUpdate();
        }
    }
}
