package com.smartconnect.application.device.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What operators read of the rejected device messages: the total, and the count of each reason. */
class DeviceMessageCountersTest {

    private final DeviceMessageCounters counters = new DeviceMessageCounters();

    @Test
    void rejectionsAreCountedInTotalAndByReason() {
        counters.rejected("malformed-json");
        counters.rejected("unknown-device");
        counters.rejected("malformed-json");

        assertThat(counters.rejected()).isEqualTo(3);
        assertThat(counters.rejectedFor("malformed-json")).isEqualTo(2);
        assertThat(counters.rejectedFor("unknown-device")).isEqualTo(1);
        assertThat(counters.rejectedByReason()).containsExactly(Map.entry("malformed-json", 2L),
                Map.entry("unknown-device", 1L));
    }

    @Test
    void aReasonNeverSeenCountsZero() {
        assertThat(counters.rejectedFor("malformed-json")).isZero();
        assertThat(counters.rejectedByReason()).isEmpty();
    }

    @Test
    void theReasonsAreASnapshotThatLaterRejectionsDoNotChange() {
        counters.rejected("too-large");
        Map<String, Long> before = counters.rejectedByReason();

        counters.rejected("too-large");

        assertThat(before).containsExactly(Map.entry("too-large", 1L));
        assertThat(counters.rejectedByReason()).containsExactly(Map.entry("too-large", 2L));
    }
}
