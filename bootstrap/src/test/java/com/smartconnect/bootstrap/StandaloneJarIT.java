package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server as a user runs it: {@code java -jar smartconnect.jar} on the embedded default. Sign up over
 * HTTP, read the code from the {@code .eml} file, verify, stop with SIGTERM, start again: the account is still there.
 */
class StandaloneJarIT {

    private static final Path JAR = Path.of("target", "smartconnect.jar");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void signUpThroughTheJarSurvivesARestart() throws Exception {
        int port = freePort();
        String registrationId;
        Process server = start(port);
        try {
            HttpResponse<String> signUp = post(port, "/api/v1/registrations", """
                    {"email": "ada@example.org", "firstName": "Ada", "lastName": "Lovelace", "password": "Tr1angle!Sky",
                     "country": "GB", "company": {"name": "Engines", "businessType": "Reseller", "address": "1 Square",
                     "city": "London", "zipCode": "SW1Y", "stateProvince": "London", "country": "GB"},
                     "privacyAccepted": true, "captchaToken": "any"}""");
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
            Matcher id = Pattern.compile("\"registrationId\"\\s*:\\s*\"([^\"]+)\"").matcher(signUp.body());
            assertThat(id.find()).isTrue();
            registrationId = id.group(1);

            Matcher code = CODE.matcher(awaitEml());
            assertThat(code.find()).as("a code in the .eml file").isTrue();
            HttpResponse<String> verified = post(port, "/api/v1/registrations/" + registrationId + "/verification",
                    "{\"code\": \"" + code.group(1) + "\"}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        } finally {
            stop(server);
        }
        assertThat(server.exitValue()).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);

        Process restarted = start(port);
        try {
            HttpResponse<String> status = get(port, "/api/v1/registrations/" + registrationId);
            assertThat(status.body()).contains("\"verified\"");
        } finally {
            stop(restarted);
        }
    }

    private Process start(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server-" + port + "-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("SMARTCONNECT_DATA_DIR", dataDir.toString());
        builder.environment().put("SMARTCONNECT_HTTP_HOST", "127.0.0.1");
        builder.environment().put("SMARTCONNECT_HTTP_PORT", Integer.toString(port));
        builder.environment().put("SMARTCONNECT_MQTT_PORT", "0");
        Process process = builder.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("server running (see %s)", dataDir).isTrue();
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
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

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 30 s of SIGTERM");
        }
    }

    private String awaitEml() throws Exception {
        Path mailDir = dataDir.resolve("mail");
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(mailDir)) {
                try (Stream<Path> files = Files.list(mailDir)) {
                    List<Path> emls = files.filter(f -> f.toString().endsWith(".eml")).toList();
                    if (!emls.isEmpty()) {
                        return Files.readString(emls.get(0));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no .eml file in " + mailDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
