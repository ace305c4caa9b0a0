package com.smartconnect.application.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.fake.ScriptedRandomSource;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offline grace period as its job runs it over many devices, and what the Event Notifications hear of losses and
 * restorations.
 */
class DeviceConnectionServiceTest {

    private static final ProductId UPS = new ProductId("AS2104123456");

    private final MutableClock clock = MutableClock.startingAt("2026-11-20T08:00:00Z");
    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final List<DeviceEvent> heard = new ArrayList<>();
    private final DeviceEventListener listener = (List<DeviceEvent> stored, Instant now) -> {
        heard.addAll(stored);
        return stored.size();
    };
    private final DeviceConnectionService connections = new DeviceConnectionService(clock, new ScriptedRandomSource(),
            new DirectTransactions(), states, events, OfflineGrace.DEFAULT, listener);
    private final OfflineGraceJob job = new OfflineGraceJob(connections);

    private static ProductId ups(int i) {
        return new ProductId(String.format("AS%010d", i));
    }

    @Test
    void onePassReportsEveryDeviceLostEvenBeyondOneBatch() {
        int fleet = DeviceConnectionService.BATCH * 2 + 50;
        for (int i = 0; i < fleet; i++) {
            connections.connected(ups(i));
            connections.disconnected(ups(i));
        }
        clock.advance(OfflineGrace.DEFAULT.period().plusMinutes(1));

        assertThat(job.runDue()).isEqualTo(fleet);

        assertThat(heard).hasSize(fleet).allSatisfy(event -> assertThat(event.type()).isEqualTo("COMMUNICATION_LOST"));
        assertThat(events.eventsOf(ups(fleet - 1))).extracting(DeviceEvent::type).containsExactly("COMMUNICATION_LOST");
        assertThat(job.runDue()).as("each once").isZero();
    }

    @Test
    void exactlyOneBatchIsReportedInOnePassToo() {
        for (int i = 0; i < DeviceConnectionService.BATCH; i++) {
            connections.connected(ups(i));
            connections.disconnected(ups(i));
        }
        clock.advance(OfflineGrace.DEFAULT.period().plusMinutes(1));

        assertThat(job.runDue()).isEqualTo(DeviceConnectionService.BATCH);
        assertThat(job.runDue()).isZero();
    }

    @Test
    void aReconnectionAfterAReportedLossIsRestoredAndTheListenerHearsOfBoth() {
        connections.connected(UPS);
        connections.disconnected(UPS);
        clock.advance(OfflineGrace.DEFAULT.period().plusMinutes(1));
        assertThat(job.runDue()).isEqualTo(1);

        connections.connected(UPS);

        assertThat(heard).extracting(DeviceEvent::type).containsExactly("COMMUNICATION_LOST", "COMMUNICATION_RESTORED");
        assertThat(heard.get(1).occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aReconnectionWithinTheGracePeriodIsNoEventAtAll() {
        connections.connected(UPS);
        connections.disconnected(UPS);
        clock.advance(Duration.ofMinutes(1));

        connections.connected(UPS);
        clock.advance(OfflineGrace.DEFAULT.period().plusMinutes(1));

        assertThat(job.runDue()).isZero();
        assertThat(heard).isEmpty();
        assertThat(events.eventsOf(UPS)).isEmpty();
    }
}
