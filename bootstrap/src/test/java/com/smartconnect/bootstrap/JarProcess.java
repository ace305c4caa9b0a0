package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The standalone jar as the tests of the jar start it: a process of its own, on the JDK running the tests. */
final class JarProcess {

    static final Path JAR = Path.of("target", "smartconnect.jar").toAbsolutePath();

    private JarProcess() {
    }

    /** {@code java -jar smartconnect.jar ARGS} on the test's data folder, its output into {@code log}. */
    static ProcessBuilder command(Path dataDir, Path log, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[args.length + 3];
        command[0] = java;
        command[1] = "-jar";
        command[2] = JAR.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SMARTCONNECT_DATA_DIR", dataDir.toString());
        return builder;
    }

    /** Starts the server with {@code environment} and waits until {@code /health/ready} answers 200 (60 s at most). */
    static Process startServer(Path dataDir, Map<String, String> environment, int httpPort) throws Exception {
        ProcessBuilder builder = command(dataDir, dataDir.resolve("server-" + httpPort + "-" + System.nanoTime() + ".log"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("server running (see %s)", dataDir).isTrue();
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not become ready within 60 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
