package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code catalog import} answers when it cannot open the database. */
class CatalogImportCommandTest {

    private static final String HEADER =
            "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n";

    @TempDir
    Path dataDir;

    @Test
    void answersCannotRunWithOneLineWhenAnotherProcessHoldsTheH2File() throws Exception {
        Configuration configuration = Configuration.defaults(dataDir);
        Path file = dataDir.resolve("catalog.csv");
        Files.writeString(file, HEADER);
        // H2 shares a file opened twice in one JVM; only another process meets the file lock, as an import does
        // beside a running server.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", configuration.jdbcUrl(),
                "-user", "", "-password", "").redirectErrorStream(true).start();
        try {
            awaitPrompt(holder);

            assertThat(CatalogImportCommand.whyTheDatabaseCannotBeOpened(configuration, file)).hasValueSatisfying(why ->
                    assertThat(why).isEqualTo("The database " + dataDir.resolve("smartconnect.mv.db")
                            + " is in use by a running SmartConnect server: stop it, or import through the running "
                            + "server: curl -sS --fail-with-body -H \"Authorization: Bearer $KEY\" -H 'Content-Type: "
                            + "text/csv' --data-binary @'" + file + "' http://localhost:8080/api/v1/integration/catalog"
                            + " (KEY: an integration key of SMARTCONNECT_INTEGRATION_KEYS, which the server needs set:"
                            + " it has none in this environment)"));
            assertThat(CatalogImportCommand.run(file, configuration)).isEqualTo(CatalogImportCommand.CANNOT_RUN);
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(CatalogImportCommand.run(file, configuration)).isEqualTo(CatalogImportCommand.IMPORTED);
    }

    @Test
    void saysAnyOtherReasonTheDatabaseCannotBeOpenedOnOneLine() {
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_DB_URL", "jdbc:h2:mem:x;NO_SUCH_SETTING=1"));

        assertThat(CatalogImportCommand.whyTheDatabaseCannotBeOpened(configuration, dataDir.resolve("catalog.csv")))
                .hasValueSatisfying(why ->
                assertThat(why).startsWith("The configured database cannot be opened: ").doesNotContain("\n"));
    }

    @Test
    void takesTheInnermostCauseFirstLine() {
        var failure = new IllegalStateException("wrapper",
                new SQLException("Connection refused\n  at the second line", "08001", 0));

        assertThat(CatalogImportCommand.oneLine(failure)).isEqualTo("Connection refused");
    }

    /** Waits until the shell has connected: it prompts only then. */
    private static void awaitPrompt(Process shell) throws Exception {
        var output = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.toString().contains("sql>") && System.nanoTime() < deadline) {
            int c = output.read();
            if (c < 0) {
                throw new AssertionError("the H2 shell ended: " + seen);
            }
            seen.append((char) c);
        }
        assertThat(seen.toString()).as("H2 shell prompt").contains("sql>");
    }
}
