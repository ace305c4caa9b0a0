package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeviceEventProperties {

    private static final ProductId DEVICE = new ProductId("AS2104123456");
    private static final Instant OCCURRED = Instant.parse("2026-11-20T08:16:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-11-20T08:16:30Z");

    private static DeviceEvent withId(String eventId) {
        return DeviceEvent.reported(DEVICE, eventId, "ON_BATTERY", OCCURRED, RECEIVED, "{}");
    }

    private static DeviceEvent withDetails(String details) {
        return DeviceEvent.reported(DEVICE, "e-1", "ON_BATTERY", OCCURRED, RECEIVED, details);
    }

    private static void assertRefused(Runnable making) {
        assertThatThrownBy(making::run).isInstanceOf(DomainViolation.class)
                .satisfies(e -> assertThat(((DomainViolation) e).code()).isEqualTo(DeviceEvent.INVALID));
    }

    @Property
    void anEventIdIsOneTo64Characters(@ForAll @IntRange(min = 0, max = 80) int length) {
        String id = "e".repeat(length);
        if (length >= 1 && length <= DeviceEvent.MAX_EVENT_ID) {
            assertThat(withId(id).eventId()).isEqualTo(id);
        } else {
            assertRefused(() -> withId(id));
        }
    }

    @Example
    void aMissingBlankOrUnprintableEventIdIsRefused() {
        assertRefused(() -> withId(null));
        assertRefused(() -> withId("   "));
        assertRefused(() -> withId("e\u00001"));
    }

    @Property
    void detailsOfUpTo16KiBAreKept(@ForAll @IntRange(min = 16 * 1024 - 50, max = 16 * 1024 + 50) int length) {
        String details = "x".repeat(length);
        if (length <= DeviceEvent.MAX_DETAILS) {
            assertThat(withDetails(details).detailsJson()).isEqualTo(details);
        } else {
            assertRefused(() -> withDetails(details));
        }
    }

    @Example
    void missingDetailsAreAnEmptyObject() {
        assertThat(withDetails(null).detailsJson()).isEqualTo("{}");
        assertThat(withDetails("{\"v\":230}").detailsJson()).isEqualTo("{\"v\":230}");
    }

    @Property
    void aTypeUnknownToTheServerIsKeptAsInfo(@ForAll("unknownTypes") String type) {
        DeviceEvent event = DeviceEvent.reported(DEVICE, "e-1", type, OCCURRED, RECEIVED, "{}");
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.severity()).isEqualTo(Severity.INFO);
        assertThat(event.isKnownType()).isFalse();
        assertThat(event.occurredAt()).isEqualTo(OCCURRED);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(event.productId()).isEqualTo(DEVICE);
    }

    @Provide
    Arbitrary<String> unknownTypes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(20)
                .filter(t -> Character.isLetter(t.charAt(0)))
                .filter(t -> Arrays.stream(DeviceEventType.values()).noneMatch(k -> k.name().equals(t)));
    }

    @Example
    void typesNotWrittenLikeOnBatteryAreRefused() {
        for (String type : new String[] {null, "", "on_battery", "1ST", "_X", "ON BATTERY", "A".repeat(65)}) {
            assertRefused(() -> DeviceEvent.reported(DEVICE, "e-1", type, OCCURRED, RECEIVED, "{}"));
        }
    }

    @Example
    void onlyTheCommunicationEventsAreTheServers() {
        assertThat(Arrays.stream(DeviceEventType.values()).filter(DeviceEventType::isServerOnly))
                .containsExactlyInAnyOrder(DeviceEventType.COMMUNICATION_LOST, DeviceEventType.COMMUNICATION_RESTORED);
    }

    @Property
    void theServerRecordsItsOwnEventsAtOneInstantWithTheirSeverity(@ForAll DeviceEventType type) {
        DeviceEvent event = DeviceEvent.byServer(DEVICE, "lost-1", type, RECEIVED);
        assertThat(event.type()).isEqualTo(type.name());
        assertThat(event.severity()).isEqualTo(type.severity());
        assertThat(event.occurredAt()).isEqualTo(RECEIVED);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(event.detailsJson()).isEqualTo("{}");
        assertThat(event.isKnownType()).isTrue();
    }

    @Example
    void theCommunicationEventsAreAWarningAndItsEnd() {
        assertThat(DeviceEventType.COMMUNICATION_LOST.severity()).isEqualTo(Severity.WARNING);
        assertThat(DeviceEventType.COMMUNICATION_RESTORED.severity()).isEqualTo(Severity.INFO);
    }
}
