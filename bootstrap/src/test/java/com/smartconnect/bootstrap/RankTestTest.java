package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The rank statistic against values worked by hand and against samples whose answer is known. */
class RankTestTest {

    @Test
    void matchesAWorkedExample() {
        // Ranks of {1, 2, 3} among {1..6} sum to 6: U = 0, mean 4.5, variance 9 * 7 / 12 = 5.25.
        assertThat(RankTest.z(new long[] {1, 2, 3}, new long[] {4, 5, 6})).isCloseTo(-4.5 / Math.sqrt(5.25), within(1e-9));
        assertThat(RankTest.z(new long[] {4, 5, 6}, new long[] {1, 2, 3})).isCloseTo(4.5 / Math.sqrt(5.25), within(1e-9));
    }

    @Test
    void interleavedSamplesGiveZeroAndTiesAreShared() {
        assertThat(RankTest.z(new long[] {1, 3, 5, 7}, new long[] {2, 4, 6, 8})).isNegative().isGreaterThan(-1);
        assertThat(RankTest.z(new long[] {5, 5, 5}, new long[] {5, 5, 5})).isZero();
    }

    @Test
    void aShiftOfTheWholeSampleStandsOutAndNoiseAloneDoesNot() {
        Random random = new Random(42);
        long[] base = LongStream.generate(() -> 1_000_000 + random.nextInt(400_000)).limit(100).toArray();
        long[] same = LongStream.generate(() -> 1_000_000 + random.nextInt(400_000)).limit(100).toArray();
        long[] slower = LongStream.generate(() -> 1_150_000 + random.nextInt(400_000)).limit(100).toArray();

        assertThat(Math.abs(RankTest.z(base, same))).isLessThan(3.5);
        assertThat(RankTest.z(slower, base)).isGreaterThan(3.5);
    }
}
