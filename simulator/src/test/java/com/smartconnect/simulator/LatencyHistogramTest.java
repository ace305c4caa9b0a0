package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles to 10 µs below 100 ms and to 1 ms above. */
class LatencyHistogramTest {

    @Test
    void percentilesAreTheUpperBoundsOfTheirBuckets() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThat(histogram.percentileMillis(99)).isZero();
        for (int i = 1; i <= 98; i++) {
            histogram.record(1_000_000);
        }
        histogram.record(20_000_000);
        histogram.record(250_000_000);

        assertThat(histogram.count()).isEqualTo(100);
        assertThat(histogram.percentileMillis(50)).isEqualTo(1.01);
        assertThat(histogram.percentileMillis(99)).isEqualTo(20.01);
        assertThat(histogram.percentileMillis(100)).isEqualTo(251.0);
        histogram.reset();
        assertThat(histogram.count()).isZero();
    }
}
