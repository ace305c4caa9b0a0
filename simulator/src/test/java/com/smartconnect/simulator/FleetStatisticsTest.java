package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The slowest acknowledgements by tenth of a second, which show whether a latency tail is one stall or a spread. */
class FleetStatisticsTest {

    @Test
    void theSlowestTenthsOfASecondComeSlowestFirstAndAResetForgetsThem() {
        FleetStatistics statistics = new FleetStatistics();
        statistics.resetLatencies();
        statistics.eventAcknowledged(5_000_000);
        statistics.eventAcknowledged(80_000_000);
        statistics.eventAcknowledged(3_000_000);

        assertThat(statistics.slowestTicks(1)).singleElement().satisfies(tick -> {
            assertThat(tick.slowestMillis()).isEqualTo(80.0);
            assertThat(tick.secondsAfterReset()).isBetween(0.0, 60.0);
        });
        assertThat(statistics.slowestTicks(10)).extracting(FleetStatistics.SlowTick::slowestMillis)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a)).contains(80.0);
        assertThat(statistics.eventLatency().count()).isEqualTo(3);

        statistics.resetLatencies();
        assertThat(statistics.slowestTicks(10)).isEmpty();
    }
}
