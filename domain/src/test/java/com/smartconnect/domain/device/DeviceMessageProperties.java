package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DeviceMessageProperties {

    private static final Instant AT = Instant.parse("2026-11-20T08:16:30Z");

    @Property
    void aBatteryChargeIsAcceptedExactlyFrom0To100(@ForAll @IntRange(min = -1000, max = 1000) int charge) {
        if (charge >= 0 && charge <= 100) {
            assertThat(status(charge).batteryChargePercent()).contains(charge);
        } else {
            assertThatThrownBy(() -> status(charge)).isInstanceOf(DomainViolation.class)
                    .hasMessageContaining("batteryChargePercent");
        }
    }

    @Property
    void everyTypeADeviceMaySendGetsTheProtocolsSeverityOrInfo(@ForAll DeviceEventType type) {
        if (type.isServerOnly()) {
            assertThatThrownBy(() -> event(type.name())).isInstanceOf(DomainViolation.class);
        } else {
            assertThat(event(type.name()).severity()).isEqualTo(type.severity());
            assertThat(event(type.name()).isKnownType()).isTrue();
        }
    }

    private static DeviceStatus status(int charge) {
        return new DeviceStatus(Optional.of(1L), AT, List.of("OL", "CHRG"), Optional.of(charge), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DeviceEvent event(String type) {
        return DeviceEvent.reported(new ProductId("AS2104123456"), "e-1", type, AT, AT, "{}");
    }
}
