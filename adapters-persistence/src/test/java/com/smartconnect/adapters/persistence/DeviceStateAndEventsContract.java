package com.smartconnect.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.device.DeviceConnectionService;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.NoEventNotifications;
import com.smartconnect.application.fake.RecordingCommandAcknowledgements;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

abstract class DeviceStateAndEventsContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-20T08:16:30.123456789Z");

    private ProductId catalogued() {
        ProductId productId = DeviceCatalogContract.uniqueProductId();
        ports.deviceCatalog().save(DeviceCatalogContract.entry(productId, "SMT1500RMI2UC"));
        return productId;
    }

    @Test
    void keepsTheLastBirthTheNewestStatusAndWhenTheDeviceWasSeen() {
        ProductId ups = catalogued();
        DeviceBirth birth = new DeviceBirth("SMT1500RMI2UC", Optional.of("AS2104123456"), Optional.of("UPS 15.5 / NMC 1.2"),
                true, Optional.of("APCRBC159"), Optional.of(LocalDate.of(2023, 3, 1)), List.of("MAIN", "SOG1", "SOG2"),
                Instant.parse("2026-11-20T08:15:30Z"));
        DeviceStatus newer = status(96, AT);
        DeviceStatus older = status(50, AT.minusSeconds(60));

        ports.deviceStates().recordBirth(ups, birth);
        ports.deviceStates().recordStatus(ups, newer);
        ports.deviceStates().recordStatus(ups, older);
        ports.deviceStates().seen(ups, AT);
        ports.deviceStates().seen(ups, AT.minusSeconds(5));

        DeviceState state = ports.deviceStates().find(ups).orElseThrow();
        assertThat(state.lastBirth()).contains(birth);
        assertThat(state.latestStatus().orElseThrow().batteryChargePercent()).contains(96);
        assertThat(state.latestStatus().orElseThrow().flags()).containsExactly("OL", "CHRG");
        assertThat(state.latestStatus().orElseThrow().sentAt()).isEqualTo(Instant.parse("2026-11-20T08:16:30.123456Z"));
        assertThat(state.lastSeenAt()).contains(Instant.parse("2026-11-20T08:16:30.123456Z"));
        assertThat(state.connected()).isFalse();
        assertThat(ports.deviceStates().find(DeviceCatalogContract.uniqueProductId())).isEmpty();
    }

    /** The group commit and the connection tracking update the same device's row at the same moment. */
    @Test
    void concurrentUpdatesOfANewDeviceDoNotCollide() {
        for (int i = 0; i < 20; i++) {
            ProductId ups = catalogued();
            var seen = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(() -> {
                ports.deviceStates().seen(ups, AT);
                return null;
            }), SEPARATE_THREADS);
            var connected = CompletableFuture.runAsync(() -> ports.transactions().inTransaction(
                    () -> ports.deviceStates().connected(ups, AT)), SEPARATE_THREADS);
            seen.join();
            connected.join();
            assertThat(ports.deviceStates().find(ups).orElseThrow().connected()).isTrue();
        }
    }

    @Test
    void anEventIsStoredOnceHoweverOftenItIsDelivered() {
        ProductId ups = catalogued();
        DeviceEvent event = DeviceEvent.reported(ups, "0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70", "ON_BATTERY", AT, AT,
                "{\"inputVoltage\":0.0}");

        assertThat(ports.deviceEvents().add(event)).isTrue();
        boolean again = ports.transactions().inTransaction(() -> {
            boolean second = ports.deviceEvents().add(event);
            // The transaction is still usable after the duplicate (PostgreSQL would abort it on a key violation).
            ports.deviceEvents().add(DeviceEvent.reported(ups, "another", "NEW_TYPE", AT, AT, "{}"));
            return second;
        });

        assertThat(again).isFalse();
        assertThat(ports.deviceEvents().eventsOf(ups)).extracting(DeviceEvent::eventId, DeviceEvent::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0193a8d2-5f6e-7c1b-9a3e-2b8f1d4c6e70", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("another", Severity.INFO));
        assertThat(ports.deviceEvents().eventsOf(ups).get(0).detailsJson()).isEqualTo("{\"inputVoltage\":0.0}");
    }

    @Test
    void manyDevicesAreMarkedSeenAtOnceNeverBackwards() {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        ProductId first = catalogued();
        ProductId second = catalogued();
        ports.deviceStates().recordStatus(first, status(90, t));
        ports.deviceStates().recordStatus(second, status(90, t));
        ports.deviceStates().seen(first, t.plusSeconds(60));

        ports.transactions().inTransaction(() -> {
            ports.deviceStates().seenAll(List.of(first, second, second), t);
            ports.deviceStates().seenAll(List.of(), t);
            return null;
        });

        assertThat(ports.deviceStates().find(first).orElseThrow().lastSeenAt()).contains(t.plusSeconds(60));
        assertThat(ports.deviceStates().find(second).orElseThrow().lastSeenAt()).contains(t);
        ports.deviceStates().seenAll(java.util.Set.of(first), t.plusSeconds(120));
        assertThat(ports.deviceStates().find(first).orElseThrow().lastSeenAt()).contains(t.plusSeconds(120));
    }

    /**
     * The connection tracker marks all connected devices seen in one transaction (chunk after chunk) while committers
     * mark their batches' senders seen: however the database plans the statements (an index scan in key order, or a
     * bitmap scan in the order of the rows on disk), they take the rows in the same order and never deadlock.
     */
    @DatabaseOnly("how its transactions lock and wait for each other")
    @Test
    void markingManyDevicesSeenAtOnceFromSeveralTransactionsNeverDeadlocks() throws Exception {
        List<ProductId> fleet = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ProductId ups = catalogued();
            ports.deviceStates().seen(ups, AT);
            fleet.add(ups);
        }
        // With statistics, a database plans the UPDATE of 600 of 2,500 rows as a scan in disk order, not key order.
        try (var connection = testDatabase().dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<CompletableFuture<Void>> committers = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int seed = c;
            committers.add(CompletableFuture.runAsync(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int round = 1; running.get() && round < 10_000; round++) {
                    List<ProductId> batch = new java.util.ArrayList<>(fleet);
                    java.util.Collections.shuffle(batch, random);
                    Instant at = AT.plusMillis(round * 10L + seed);
                    try {
                        ports.transactions().inTransaction(() -> {
                            ports.deviceStates().seenAll(batch.subList(0, 600), at);
                            return null;
                        });
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, SEPARATE_THREADS));
        }
        try {
            for (int round = 1; round <= 15; round++) {
                Instant at = AT.plusSeconds(round);
                ports.transactions().inTransaction(() -> {
                    ports.deviceStates().seenAll(fleet, at);
                    return null;
                });
            }
        } finally {
            running.set(false);
            CompletableFuture.allOf(committers.toArray(CompletableFuture[]::new)).get(2, java.util.concurrent.TimeUnit.MINUTES);
        }

        assertThat(failures).isEmpty();
        assertThat(ports.deviceStates().find(fleet.get(0)).orElseThrow().lastSeenAt()).isPresent();
    }

    @Test
    void aListOfEventsIsStoredTogetherEachOnce() {
        ProductId ups = catalogued();
        DeviceEvent stored = DeviceEvent.reported(ups, "e-stored", "ON_BATTERY", AT, AT, "{}");
        DeviceEvent fresh = DeviceEvent.reported(ups, "e-fresh", "POWER_RESTORED", AT, AT, "{\"inputVoltage\":230.1}");
        DeviceEvent other = DeviceEvent.reported(ups, "e-other", "NEW_TYPE", AT.plusSeconds(1), AT, "{}");
        assertThat(ports.deviceEvents().add(stored)).isTrue();

        List<Boolean> added = ports.transactions().inTransaction(
                () -> ports.deviceEvents().addAll(List.of(fresh, stored, fresh, other)));

        assertThat(added).containsExactly(true, false, false, true);
        assertThat(ports.deviceEvents().eventsOf(ups)).extracting(DeviceEvent::eventId)
                .containsExactlyInAnyOrder("e-stored", "e-fresh", "e-other");
        assertThat(ports.deviceEvents().eventsOf(ups)).filteredOn(e -> e.eventId().equals("e-fresh"))
                .singleElement().satisfies(e -> {
                    assertThat(e.detailsJson()).isEqualTo("{\"inputVoltage\":230.1}");
                    assertThat(e.severity()).isEqualTo(Severity.INFO);
                });
        assertThat(ports.deviceEvents().addAll(List.of())).isEmpty();
    }

    /** Texts that a careless array or list encoding would change, and more events than one statement takes. */
    @Test
    void aListOfEventsKeepsEveryTextAndInstantExactlyWhateverItsSize() {
        ProductId ups = catalogued();
        String awkward = "{\"note\":\"a \\\"quoted\\\" {brace}, comma; back\\\\slash\\nnew line \u00e9\u4e2d\"}";
        DeviceEvent nullNamed = DeviceEvent.reported(ups, "NULL", "NEW_TYPE", AT, AT.plusNanos(200), awkward);
        DeviceEvent quoted = DeviceEvent.reported(ups, "{\"e\",2}", "ON_BATTERY", AT, AT, "NULL");
        List<DeviceEvent> many = new java.util.ArrayList<>(List.of(nullNamed, quoted));
        for (int i = 0; i < 1_001; i++) {
            many.add(DeviceEvent.reported(ups, "e-" + i, "ON_BATTERY", AT.plusSeconds(i), AT, "{\"n\":" + i + "}"));
        }
        many.add(nullNamed);

        List<Boolean> added = ports.transactions().inTransaction(() -> ports.deviceEvents().addAll(many));

        assertThat(added).hasSize(many.size());
        assertThat(added.subList(0, many.size() - 1)).containsOnly(true);
        assertThat(added.get(many.size() - 1)).as("the same event again, in the next statement").isFalse();
        List<DeviceEvent> stored = ports.deviceEvents().eventsOf(ups);
        assertThat(stored).hasSize(1_003);
        assertThat(stored).filteredOn(e -> e.eventId().equals("NULL")).singleElement().satisfies(e -> {
            assertThat(e.detailsJson()).isEqualTo(awkward);
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:16:30.123456Z"));
            assertThat(e.receivedAt()).isEqualTo(Instant.parse("2026-11-20T08:16:30.123456Z"));
            assertThat(e.type()).isEqualTo("NEW_TYPE");
        });
        assertThat(stored).filteredOn(e -> e.eventId().equals("{\"e\",2}")).singleElement()
                .satisfies(e -> assertThat(e.detailsJson()).isEqualTo("NULL"));
        assertThat(stored).filteredOn(e -> e.eventId().equals("e-1000")).singleElement().satisfies(e -> {
            assertThat(e.detailsJson()).isEqualTo("{\"n\":1000}");
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:33:10.123456Z"));
        });
        assertThat(ports.transactions().inTransaction(() -> ports.deviceEvents().addAll(many)))
                .containsOnly(false);
    }

    @DatabaseOnly("a transaction that rolls back keeps nothing")
    @Test
    void aBatchIsAllOrNothing() {
        ProductId ups = catalogued();
        var counters = new DeviceMessageCounters();
        var failing = new com.smartconnect.application.fake.CountingTransactions(ports.transactions());
        var ingest = new DeviceIngestService(MutableClock.startingAt("2026-11-20T08:20:00Z"), failing,
                ports.deviceStates(), ports.deviceEvents(), new RecordingCommandAcknowledgements(), counters,
                NoEventNotifications.delivery());
        var batch = List.of(new IncomingDeviceMessage(ups, new DeviceMessage.Event("e-1", "ON_BATTERY", AT, "{}")),
                new IncomingDeviceMessage(ups, new DeviceMessage.Status(status(90, AT))));
        failing.failNext(1);

        assertThatThrownBy(() -> ingest.ingest(batch)).isInstanceOf(IllegalStateException.class);
        assertThat(ports.deviceEvents().eventsOf(ups)).isEmpty();
        assertThat(ports.deviceStates().find(ups).orElseThrow().latestStatus()).isEmpty();
        assertThat(ports.deviceStates().find(ups).orElseThrow().lastSeenAt()).isEmpty();

        assertThat(ingest.ingest(batch)).containsOnly(new IngestOutcome.Stored());
        assertThat(ports.deviceEvents().eventsOf(ups)).hasSize(1);
        assertThat(ingest.ingest(batch).get(0)).isEqualTo(new IngestOutcome.Duplicate());
    }

    @Test
    void theOfflineGraceJobReportsEachDeviceOnceEvenWhenInstancesRunItTogether() {
        ProductId ups = catalogued();
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
        DeviceConnectionService first = connections(clock);
        DeviceConnectionService second = connections(clock);
        clock.advance(OfflineGrace.DEFAULT.period()); // both instances past the wait after their start
        first.connected(ups);
        first.disconnected(ups);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(first.reportLostCommunication()).isZero();
        clock.advance(Duration.ofSeconds(1));

        var one = CompletableFuture.supplyAsync(first::reportLostCommunication, SEPARATE_THREADS);
        var other = CompletableFuture.supplyAsync(second::reportLostCommunication, SEPARATE_THREADS);

        assertThat(one.join() + other.join()).isEqualTo(1);
        assertThat(ports.deviceEvents().eventsOf(ups)).extracting(DeviceEvent::type).containsExactly("COMMUNICATION_LOST");
        assertThat(ports.deviceStates().lostSince(clock.instant(), clock.instant(), 10)).doesNotContain(ups);

        clock.advance(Duration.ofMinutes(1));
        second.connected(ups);
        assertThat(ports.deviceEvents().eventsOf(ups)).extracting(DeviceEvent::type, DeviceEvent::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COMMUNICATION_LOST", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("COMMUNICATION_RESTORED", Severity.INFO));
        assertThat(ports.deviceStates().find(ups).orElseThrow().connected()).isTrue();
    }

    /** The instance the device was connected to died: nobody recorded the disconnect, nobody marks it seen. */
    @Test
    void aDeviceMarkedConnectedButUnseenPastTheGracePeriodIsReportedLost() {
        ProductId orphan = catalogued();
        ProductId alive = catalogued();
        MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
        DeviceConnectionService connections = connections(clock);
        connections.connected(orphan);
        connections.connected(alive);
        clock.advance(Duration.ofMinutes(12).minusSeconds(1));
        connections.stillConnected(List.of(alive));
        assertThat(connections.reportLostCommunication()).isZero();

        clock.advance(Duration.ofSeconds(1));

        assertThat(connections.reportLostCommunication()).isEqualTo(1);
        assertThat(ports.deviceEvents().eventsOf(orphan)).extracting(DeviceEvent::type)
                .containsExactly("COMMUNICATION_LOST");
        assertThat(ports.deviceEvents().eventsOf(alive)).isEmpty();
    }

    private DeviceConnectionService connections(MutableClock clock) {
        return new DeviceConnectionService(clock, new ScriptedRandomSource(), ports.transactions(),
                ports.deviceStates(), ports.deviceEvents(), OfflineGrace.DEFAULT, NoEventNotifications.delivery());
    }

    private static DeviceStatus status(int charge, Instant sentAt) {
        return new DeviceStatus(Optional.of(1842L), sentAt, List.of("OL", "CHRG"), Optional.of(charge), Optional.of(2710),
                Optional.of(23.5), Optional.of(229.8), Optional.of(230.0), Optional.of(27.5));
    }
}
