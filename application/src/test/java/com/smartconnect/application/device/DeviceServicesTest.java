package com.smartconnect.application.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.application.device.port.in.DeviceAuthentication;
import com.smartconnect.application.device.port.in.DeviceCredentials;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.application.fake.CountingTransactions;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.NoEventNotifications;
import com.smartconnect.application.fake.RecordingCommandAcknowledgements;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.device.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceServicesTest {

    static final ProductId UPS = new ProductId("AS2104123456");
    static final ProductId OTHER = new ProductId("AS2104123457");
    static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final RecordingCommandAcknowledgements acks = new RecordingCommandAcknowledgements();
    private final DeviceMessageCounters counters = new DeviceMessageCounters();
    private final CountingTransactions transactions = new CountingTransactions(new DirectTransactions());
    private final DeviceIngestService ingest = new DeviceIngestService(clock, transactions, states, events, acks, counters,
            NoEventNotifications.delivery());
    private final DeviceConnectionService connections = new DeviceConnectionService(clock, new ScriptedRandomSource(),
            transactions, states, events, OfflineGrace.DEFAULT, NoEventNotifications.delivery());
    private final DeviceAuthenticationService authenticator = new DeviceAuthenticationService(catalog);

    @Test
    void aDeviceOfTheCatalogWithItsSecretIsAcceptedAndEveryOtherRefused() {
        catalog.save(CatalogEntry.manufactured(UPS, new ProductKey("7KQ2M9X4B1C8DZ"), new DeviceSecret(SECRET), "M", "SN",
                "SKU", LocalDate.of(2023, 3, 1), LocalDate.of(2027, 3, 1)));

        assertThat(authenticator.authenticate(new DeviceCredentials(UPS.value(), UPS.value(), SECRET)))
                .isEqualTo(new DeviceAuthentication.Accepted(UPS));
        assertThat(authenticator.authenticate(new DeviceCredentials(UPS.value(), UPS.value(), SECRET + "x")))
                .isInstanceOf(DeviceAuthentication.Refused.class);
        assertThat(authenticator.authenticate(new DeviceCredentials(OTHER.value(), OTHER.value(), SECRET)))
                .isInstanceOf(DeviceAuthentication.Refused.class);
        assertThat(authenticator.authenticate(new DeviceCredentials(UPS.value(), OTHER.value(), SECRET)))
                .isInstanceOf(DeviceAuthentication.Refused.class);
        assertThat(authenticator.authenticate(new DeviceCredentials(null, null, null)))
                .isInstanceOf(DeviceAuthentication.Refused.class);
    }

    @Test
    void aBatchIsStoredInOneTransactionWithOneOutcomePerMessage() {
        List<IngestOutcome> outcomes = ingest.ingest(List.of(
                new IncomingDeviceMessage(UPS, new DeviceMessage.Birth(birth("SMT1500"))),
                new IncomingDeviceMessage(UPS, new DeviceMessage.Status(status(96, "2026-11-20T08:16:30Z"))),
                new IncomingDeviceMessage(OTHER, event("e-1", "ON_BATTERY")),
                new IncomingDeviceMessage(OTHER, event("e-1", "ON_BATTERY")),
                new IncomingDeviceMessage(OTHER, event("e-2", "COMMUNICATION_LOST")),
                new IncomingDeviceMessage(OTHER, event("e-3", "NEW_FIRMWARE_THING")),
                new IncomingDeviceMessage(UPS, new DeviceMessage.Ack(new CommandAck("c-1", true, Optional.empty(),
                        Optional.empty())))));

        assertThat(outcomes).containsExactly(new IngestOutcome.Stored(), new IngestOutcome.Stored(),
                new IngestOutcome.Stored(), new IngestOutcome.Duplicate(), outcomes.get(4), new IngestOutcome.Stored(),
                new IngestOutcome.Stored());
        assertThat(outcomes.get(4)).isInstanceOf(IngestOutcome.Rejected.class);
        assertThat(transactions.committed()).isEqualTo(1);
        assertThat(events.eventsOf(OTHER)).extracting(DeviceEvent::eventId, DeviceEvent::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e-1", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("e-3", Severity.INFO));
        assertThat(events.eventsOf(OTHER).get(0).receivedAt()).isEqualTo(clock.instant());
        assertThat(counters.rejected()).isEqualTo(1);
        assertThat(counters.unknownEventTypes()).isEqualTo(1);
        assertThat(acks.recorded()).hasSize(1);
        var state = states.find(UPS).orElseThrow();
        assertThat(state.lastBirth().orElseThrow().model()).isEqualTo("SMT1500");
        assertThat(state.latestStatus().orElseThrow().batteryChargePercent()).contains(96);
        assertThat(state.lastSeenAt()).contains(clock.instant());
    }


    /**
     * Events do not mark their device seen (the minutely marking of connected devices does), so a batch of events
     * writes no state row; the state messages and the disconnect do mark it.
     */
    @Test
    void eventsLeaveLastSeenAloneStateMessagesAndTheDisconnectMoveIt() {
        connections.connected(UPS);
        Instant connectedAt = clock.instant();
        clock.advance(Duration.ofSeconds(20));

        ingest.ingest(List.of(new IncomingDeviceMessage(UPS, event("e-1", "ON_BATTERY"))));

        assertThat(events.eventsOf(UPS)).hasSize(1);
        assertThat(states.find(UPS).orElseThrow().lastSeenAt()).contains(connectedAt);
        ingest.ingest(List.of(
                new IncomingDeviceMessage(UPS, new DeviceMessage.Status(status(96, "2026-11-20T08:00:20Z")))));
        assertThat(states.find(UPS).orElseThrow().lastSeenAt()).contains(clock.instant());
        clock.advance(Duration.ofSeconds(40));
        ingest.ingest(List.of(new IncomingDeviceMessage(UPS, event("e-2", "ON_BATTERY"))));
        connections.disconnected(UPS);
        assertThat(states.find(UPS).orElseThrow().lastSeenAt()).contains(clock.instant());
    }
    @Test
    void anOlderStatusDoesNotReplaceANewerOneAndTheLastBirthWins() {
        ingest.ingest(List.of(new IncomingDeviceMessage(UPS, new DeviceMessage.Status(status(90, "2026-11-20T08:17:30Z"))),
                new IncomingDeviceMessage(UPS, new DeviceMessage.Birth(birth("FIRST")))));
        ingest.ingest(List.of(new IncomingDeviceMessage(UPS, new DeviceMessage.Status(status(80, "2026-11-20T08:16:30Z"))),
                new IncomingDeviceMessage(UPS, new DeviceMessage.Birth(birth("SECOND")))));

        var state = states.find(UPS).orElseThrow();
        assertThat(state.latestStatus().orElseThrow().batteryChargePercent()).contains(90);
        assertThat(state.lastBirth().orElseThrow().model()).isEqualTo("SECOND");
    }

    @Test
    void aFailedCommitThrowsAndCountsNothing() {
        transactions.failNext(1);

        assertThatThrownBy(() -> ingest.ingest(List.of(new IncomingDeviceMessage(OTHER, event("e-9", "UNKNOWN_ONE")))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(counters.unknownEventTypes()).isZero();
    }

    @Test
    void aDeviceOfflineLongerThanTheGracePeriodIsReportedLostOnceAndRestoredWhenItReturns() {
        clock.advance(OfflineGrace.DEFAULT.period()); // the instance past the wait after its start
        connections.connected(UPS);
        connections.disconnected(UPS);
        clock.advance(Duration.ofMinutes(9));
        assertThat(connections.reportLostCommunication()).as("within the grace period").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(connections.reportLostCommunication()).isEqualTo(1);
        assertThat(connections.reportLostCommunication()).as("reported once").isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(connections.reportLostCommunication()).isZero();

        connections.connected(UPS);

        assertThat(events.eventsOf(UPS)).extracting(DeviceEvent::type, DeviceEvent::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMMUNICATION_LOST", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("COMMUNICATION_RESTORED", Severity.INFO));
        assertThat(events.eventsOf(UPS).get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:20:00Z"));
    }

    /**
     * The whole service was down for an hour: every device looks unseen when an instance starts again. Those that come
     * back within the grace period are not reported; one that does not is, once the grace period has passed.
     */
    @Test
    void afterAnOutageTheDevicesHaveTheGracePeriodToComeBackBeforeAnyIsReportedLost() {
        connections.connected(UPS);
        connections.connected(OTHER);
        clock.advance(Duration.ofHours(1));
        DeviceConnectionService restarted = new DeviceConnectionService(clock, new ScriptedRandomSource(),
                transactions, states, events, OfflineGrace.DEFAULT, NoEventNotifications.delivery());

        assertThat(restarted.reportLostCommunication()).as("just started").isZero();
        clock.advance(Duration.ofMinutes(2));
        restarted.connected(UPS);
        clock.advance(Duration.ofMinutes(7).plusSeconds(59));
        assertThat(restarted.reportLostCommunication()).as("grace period not yet passed since the start").isZero();
        clock.advance(Duration.ofSeconds(1));
        restarted.stillConnected(List.of(UPS));

        assertThat(restarted.reportLostCommunication()).isEqualTo(1);
        assertThat(events.eventsOf(OTHER)).extracting(DeviceEvent::type).containsExactly("COMMUNICATION_LOST");
        assertThat(events.eventsOf(UPS)).isEmpty();
        assertThat(connections.reportLostCommunication()).as("reported once").isZero();
    }

    /** Every connected device is marked, in transactions of 1,000 devices each (locks held for one chunk only). */
    @Test
    void manyConnectedDevicesAreMarkedSeenAThousandPerTransaction() {
        List<ProductId> fleet = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            ProductId ups = new ProductId(String.format("AS%010d", i));
            connections.connected(ups);
            fleet.add(ups);
        }
        int before = transactions.committed();
        clock.advance(Duration.ofMinutes(1));
        java.util.Collections.shuffle(fleet, new java.util.Random(7));

        connections.stillConnected(fleet);

        assertThat(transactions.committed() - before).isEqualTo(3);
        assertThat(fleet).allSatisfy(ups -> assertThat(states.find(ups).orElseThrow().lastSeenAt())
                .contains(clock.instant()));
    }

    @Test
    void aShortDisconnectReportsNothing() {
        connections.connected(UPS);
        connections.disconnected(UPS);
        clock.advance(Duration.ofMinutes(5));
        connections.connected(UPS);
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            connections.stillConnected(List.of(UPS)); // as the endpoint does every minute
        }

        assertThat(connections.reportLostCommunication()).isZero();
        assertThat(events.eventsOf(UPS)).isEmpty();
    }

    @Test
    void aDeviceStillMarkedConnectedButUnseenPastTheGracePeriodIsReportedLost() {
        connections.connected(UPS);
        connections.connected(OTHER);
        for (int minute = 0; minute < 11; minute++) {
            clock.advance(Duration.ofMinutes(1));
            connections.stillConnected(List.of(OTHER));
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(connections.reportLostCommunication()).as("10 min grace + 2 min margin not yet passed").isZero();

        clock.advance(Duration.ofSeconds(1));
        connections.stillConnected(List.of(OTHER));

        assertThat(connections.reportLostCommunication()).isEqualTo(1);
        assertThat(events.eventsOf(UPS)).extracting(DeviceEvent::type).containsExactly("COMMUNICATION_LOST");
        assertThat(events.eventsOf(OTHER)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        connections.connected(UPS);
        assertThat(events.eventsOf(UPS)).extracting(DeviceEvent::type)
                .containsExactly("COMMUNICATION_LOST", "COMMUNICATION_RESTORED");
    }

    static DeviceBirth birth(String model) {
        return new DeviceBirth(model, Optional.of("AS2104123456"), Optional.of("UPS 15.5"), true,
                Optional.of("APCRBC159"), Optional.of(LocalDate.of(2023, 3, 1)), List.of("MAIN", "SOG1"),
                Instant.parse("2026-11-20T08:15:30Z"));
    }

    static DeviceStatus status(int charge, String sentAt) {
        return new DeviceStatus(Optional.of(1842L), Instant.parse(sentAt), List.of("OL", "CHRG"), Optional.of(charge),
                Optional.of(2710), Optional.of(23.5), Optional.of(229.8), Optional.of(230.0), Optional.of(27.5));
    }

    static DeviceMessage.Event event(String eventId, String type) {
        return new DeviceMessage.Event(eventId, type, Instant.parse("2026-11-20T08:17:02Z"), "{\"inputVoltage\":0.0}");
    }
}
