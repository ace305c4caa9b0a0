package com.smartconnect.application.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.fake.InMemoryDeviceEvents;
import com.smartconnect.application.fake.InMemoryDeviceStates;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.DeviceEventType;
import com.smartconnect.domain.device.ProductId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The raw state and events of a device, as the operators' tools read them. */
class DeviceQueryServiceTest {

    private static final ProductId UPS = new ProductId("AS2104123456");
    private static final ProductId OTHER = new ProductId("AS2104654321");
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final InMemoryDeviceStates states = new InMemoryDeviceStates();
    private final InMemoryDeviceEvents events = new InMemoryDeviceEvents();
    private final DeviceQueryService query = new DeviceQueryService(states, events);

    @Test
    void aKnownDeviceHasItsStateAndEvents() {
        states.connected(UPS, AT);
        DeviceEvent lost = DeviceEvent.byServer(UPS, "server-1", DeviceEventType.COMMUNICATION_LOST, AT);
        events.add(lost);
        events.add(DeviceEvent.byServer(OTHER, "server-2", DeviceEventType.COMMUNICATION_LOST, AT));

        assertThat(query.state(UPS)).hasValueSatisfying(state -> {
            assertThat(state.connected()).isTrue();
            assertThat(state.lastSeenAt()).contains(AT);
        });
        assertThat(query.events(UPS)).containsExactly(lost);
    }

    @Test
    void anUnknownDeviceHasNoStateAndNoEvents() {
        assertThat(query.state(UPS)).isEmpty();
        assertThat(query.events(UPS)).isEmpty();
    }
}
