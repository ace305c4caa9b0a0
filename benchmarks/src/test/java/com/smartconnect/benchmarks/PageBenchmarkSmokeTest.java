package com.smartconnect.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page benchmark's parts work, in seconds (the benchmark itself is benchmarks/run-pages.sh): a fleet registered to
 * one account, the device list measured as a page and as JSON, and the status page measured once it answers (a page
 * that answers 404 is reported as not measured, not as a failure).
 */
class PageBenchmarkSmokeTest {

    @TempDir
    Path work;

    @Test
    void theDeviceListIsMeasuredAsAPageAndAsJsonInOneRun() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = work.resolve("pages.md");
        List<PageBenchmark.Pair> pairs = new PageBenchmark(Map.of("--devices", "4", "--warmup-rounds", "1",
                "--rounds", "3", "--work", work.toString(), "--out", out.toString()),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        assertThat(pairs).extracting(PageBenchmark.Pair::name).containsExactly("device-list", "status-page");
        PageBenchmark.Pair list = pairs.getFirst();
        assertThat(list.pageMillis()).hasSize(3).allMatch(ms -> ms > 0);
        assertThat(list.apiMillis()).hasSize(3).allMatch(ms -> ms > 0);
        assertThat(list.ratioOfMedians()).isPositive();
        PageBenchmark.Pair status = pairs.get(1);
        assertThat(status.measured() ? "measured" : status.note()).matches("measured|not measured: the page answered \\d+");
        assertThat(Files.readString(out)).contains("| device-list | GET / | GET /api/v1/devices |");
    }

    @Test
    void theMedianAndPercentilesAreOfTheSortedValues() {
        assertThat(PageBenchmark.percentile(List.of(5.0, 1.0, 3.0, 2.0, 4.0), 50)).isEqualTo(3.0);
        assertThat(PageBenchmark.percentile(List.of(5.0, 1.0, 3.0, 2.0, 4.0), 90)).isEqualTo(5.0);
        assertThat(IngestBenchmark.median(List.of(0.8, 1.2, 0.9, 1.0))).isEqualTo(0.95);
    }
}
