package com.smartconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated identities are valid, distinct and the same for the same seed; the catalog file lists them. */
class DeviceIdentityTest {

    @TempDir
    Path folder;

    @Test
    void theSameSeedNamesTheSameValidDistinctDevices() {
        List<DeviceIdentity> fleet = DeviceIdentity.fleet(5, 1_000);
        assertThat(fleet).isEqualTo(DeviceIdentity.fleet(5, 1_000));
        assertThat(fleet).allSatisfy(device -> {
            assertThat(device.productId()).matches("[A-Z0-9]{12}");
            assertThat(device.productKey()).matches("[A-Z0-9]{14}");
            assertThat(device.deviceSecret()).hasSize(40);
        });
        assertThat(new HashSet<>(fleet.stream().map(DeviceIdentity::productId).toList())).hasSize(1_000);
        assertThat(DeviceIdentity.of(6, 0)).isNotEqualTo(DeviceIdentity.of(5, 0));
    }

    @Test
    void theCommandLineWritesTheCatalogFile() throws Exception {
        Path file = folder.resolve("catalog.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SimulatorMain.run(new String[] {"--devices", "2", "--first", "3", "--seed", "9", "--write-catalog",
                file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CatalogFile.HEADER);
        DeviceIdentity third = DeviceIdentity.of(9, 3);
        assertThat(lines.get(1)).isEqualTo(String.join(",", third.productId(), third.productKey(),
                third.deviceSecret(), CatalogFile.MODEL, third.productId(), CatalogFile.BATTERY_SKU,
                CatalogFile.BATTERY_INSTALLED_ON, CatalogFile.WARRANTY_ENDS_ON));
    }

    @Test
    void aWrongOptionIsRefusedWithTheUsage() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[] {"--devicez", "2"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown or incomplete option: --devicez", "Usage");
    }
}
