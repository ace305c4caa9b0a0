package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.adapters.persistence.TestDatabase;
import com.smartconnect.adapters.persistence.TestDatabases;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.IngestOutcome;
import com.smartconnect.domain.device.DeviceEvent;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application of its own embeds SmartConnect the way the README shows: its Vert.x, its HTTP server and router with
 * a route of its own, the SmartConnect API mounted under {@code /ups}, only the jobs it wants on this instance, and its
 * own MQTT side that hands device messages to the device ingest. A person signs up through the mounted API; a device
 * event goes in through the facade; closing SmartConnect leaves the host running.
 */
class EmbeddingApplicationTest {

    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";
    private static final ProductId UPS = new ProductId("AS2104123456");

    @TempDir
    Path dataDir;

    private final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
    private final MailTransport capture = sent::add;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aHostMountsTheApiUnderItsOwnRouterRunsSomeJobsAndFeedsItsOwnDeviceMessages() throws Exception {
        Vertx host = Vertx.vertx();
        try (TestDatabase database = TestDatabases.freshH2()) {
            Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                    "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1",
                    "SMARTCONNECT_PUBLIC_URL", "https://portal.example.org/ups"));
            SmartConnect smartConnect = SmartConnect.builder().vertx(host).configuration(configuration)
                    .dataSource(database.dataSource()).mailTransport(capture)
                    .jobs("plan-schedule", "offline-grace").start();

            Router router = Router.router(host);
            router.get("/hello").handler(ctx -> ctx.response().end("the host's own page"));
            router.route("/ups/*").subRouter(smartConnect.router());
            HttpServer server = host.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + server.actualPort();

            assertThat(smartConnect.jobs()).extracting(Job::name).containsExactly("offline-grace", "plan-schedule");
            assertThat(smartConnect.httpPort()).isEmpty();

            // A sign-up through the API mounted under /ups, answered on the host's own port.
            HttpResponse<String> signUp = post(base + "/ups/api/v1/registrations",
                    PortalClient.signUpBody("ada@example.org"));
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
            assertThat(signUp.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            String registrationId = PortalClient.field(signUp.body(), "registrationId");
            String code = awaitCode();
            HttpResponse<String> verified = post(base + "/ups/api/v1/registrations/" + registrationId + "/verification",
                    "{\"code\":\"" + code + "\"}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            // A refusal under the mount point is the API's problem+json, as on its own port.
            HttpResponse<String> refused = post(base + "/ups/api/v1/registrations", "{\"email\": 1}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            // The answers that depend on the path read it below the mount point: a malformed registration id is an
            // unknown registration, as on the API's own port.
            HttpResponse<String> unknown = post(base + "/ups/api/v1/registrations/not-a-uuid/verification",
                    "{\"code\":\"123456\"}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("REGISTRATION_NOT_FOUND");
            assertThat(get(base + "/hello").body()).isEqualTo("the host's own page");

            // The host's own MQTT side hands a device's event to the ingest.
            assertThat(smartConnect.devices().importCatalog().importCatalog(new ImportCatalogCommand(
                    "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n"
                            + UPS.value() + ",7KQ2M9X4B1C8DZ," + SECRET
                            + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01\n")))
                    .isEqualTo(new ImportCatalogResult.Imported(1, 0));
            List<IngestOutcome> outcomes = smartConnect.devices().ingest().ingest(List.of(new IncomingDeviceMessage(UPS,
                    new DeviceMessage.Event("evt-1", "ON_BATTERY", Instant.parse("2026-11-20T08:00:00Z"), "{}"))));
            assertThat(outcomes).hasSize(1).first().isInstanceOf(IngestOutcome.Stored.class);
            assertThat(smartConnect.devices().query().events(UPS)).extracting(DeviceEvent::eventId)
                    .containsExactly("evt-1");

            smartConnect.close();
            // The host's Vert.x and server are the host's: they keep serving after SmartConnect closed.
            assertThat(get(base + "/hello").statusCode()).isEqualTo(200);
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            host.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private String awaitCode() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sent).as("the sign-up mail").isNotEmpty();
        return PortalClient.mailedCode(sent.get(0));
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
