package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar smartconnect.jar catalog import FILE} as an operator runs it, on the embedded default. */
class CatalogImportJarIT {

    private static final Path JAR = Path.of("target", "smartconnect.jar");
    private static final String HEADER =
            "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n";
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    @TempDir
    Path dataDir;

    @Test
    void importsAGoodFileThenUpdatesItAndRefusesABadOneWithNumberedErrors() throws Exception {
        Path good = dataDir.resolve("good.csv");
        Files.writeString(good, HEADER + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n"
                + "AS2104123457,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN2,APCRBC159,2023-03-01,2027-03-01\n");
        Run first = run("catalog", "import", good.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("2 devices added, 0 updated");

        Run again = run("catalog", "import", good.toString());
        assertThat(again.output()).contains("0 devices added, 2 updated");

        Path bad = dataDir.resolve("bad.csv");
        Files.writeString(bad, HEADER + "AS2104123458,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"
                + "AS21,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"
                + "AS2104123459,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,someday\n");
        Run rejected = run("catalog", "import", bad.toString());
        assertThat(rejected.exitCode()).as(rejected.output()).isEqualTo(1);
        assertThat(rejected.output()).contains("line 3 (productId)").contains("line 4 (warrantyEndsOn)")
                .contains("Nothing was imported");

        Run missing = run("catalog", "import", dataDir.resolve("missing.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
    }

    @Test
    void besideARunningServerSaysInOneLineHowToImportThroughItAndThatWorks() throws Exception {
        Path file = dataDir.resolve("devices.csv");
        Files.writeString(file, HEADER + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET
                + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n");
        String key = "k".repeat(40);
        int httpPort = freePort();
        Map<String, String> server = Map.of("SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", Integer.toString(httpPort), "SMARTCONNECT_MQTT_PORT", "-1",
                "SMARTCONNECT_INTEGRATION_KEYS", "operator=" + key);
        Process running = startServer(server, httpPort);
        try {
            Run refused = run(server, "catalog", "import", file.toString());

            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output()).contains("is in use by a running SmartConnect server: stop it, or import "
                    + "through the running server: curl").contains("http://localhost:" + httpPort
                    + "/api/v1/integration/catalog").doesNotContain("\tat ").doesNotContain("Exception");

            HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/api/v1/integration/catalog"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(imported.body()).isEqualTo("{\"added\":1,\"updated\":0}");
        } finally {
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startServer(Map<String, String> environment, int httpPort) throws Exception {
        return JarProcess.startServer(dataDir, environment, httpPort);
    }

    private static int freePort() throws IOException {
        return JarProcess.freePort();
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> environment, String... args) throws Exception {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaCommand, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = dataDir.resolve("run-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SMARTCONNECT_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
