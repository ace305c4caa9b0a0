package com.smartconnect.bootstrap;

import java.util.Arrays;

/**
 * The Mann-Whitney U test of two samples, as its normal approximation: {@code z} near 0 when neither sample tends to
 * be larger than the other, large when one does (|z| > 3.5 happens by chance about once in 2,000 tries). It compares
 * ranks, not means, so a few stalls of a busy machine move it little.
 */
final class RankTest {

    private RankTest() {
    }

    /** The z of U for {@code first} against {@code second}; positive when {@code first} tends to be larger. */
    static double z(long[] first, long[] second) {
        int n1 = first.length;
        int n2 = second.length;
        int n = n1 + n2;
        long[][] all = new long[n][];
        for (int i = 0; i < n1; i++) {
            all[i] = new long[] {first[i], 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new long[] {second[i], 1};
        }
        Arrays.sort(all, (a, b) -> Long.compare(a[0], b[0]));
        double rankSumFirst = 0;
        double tieCorrection = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            // Tied values share the mean of the ranks they span (ranks count from 1).
            double rank = (i + j + 2) / 2.0;
            int tied = j - i + 1;
            tieCorrection += (double) tied * tied * tied - tied;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumFirst += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumFirst - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2.0;
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieCorrection / ((double) n * (n - 1)));
        return variance == 0 ? 0 : (u - mean) / Math.sqrt(variance);
    }
}
