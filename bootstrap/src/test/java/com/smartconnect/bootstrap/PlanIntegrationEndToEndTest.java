package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.fake.MutableClock;
import com.smartconnect.application.plan.port.in.PlanFeatureCriteria;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store changes a device's plan through the running server's integration endpoint with its configured key; the
 * library sees the change at once, and the plan falls back to Basic when it ends.
 */
class PlanIntegrationEndToEndTest {

    private static final String KEY = "store-key-0123456789abcdef0123456789";
    private static final ProductId UPS = new ProductId("AS2104123456");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStoreActivatesAndExtendsAPlanThatEndsInBasic() throws Exception {
        MutableClock clock = MutableClock.startingAt("2026-11-23T09:00:00Z");
        try (SmartConnect server = SmartConnect.builder().clock(clock).configuration(Configuration.from(Map.of(
                "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", "0",
                "SMARTCONNECT_MQTT_PORT", "-1",
                "SMARTCONNECT_INTEGRATION_KEYS", "store=" + KEY,
                "SMARTCONNECT_SHUTDOWN_GRACE_SECONDS", "1"))).start()) {
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand("""
                    productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn
                    AS2104123456,7KQ2M9X4B1C8DZ,s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t,SMT1500RMI2UC,AS2104123456,APCRBC159,2025-03-01,2028-03-01
                    """));
            assertThat(put(server, "wrong-key-0123456789abcdef0123456789", "{\"plan\": \"STANDARD\", \"endsOn\": \"2027-06-30\"}")
                    .statusCode()).isEqualTo(401);
            HttpResponse<String> activated = put(server, KEY, "{\"plan\": \"STANDARD\", \"endsOn\": \"2027-06-30\"}");
            assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
            assertThat(activated.body()).contains("\"STANDARD\"", "\"ACTIVATED\"", "\"store\"");
            assertThat(server.plans().query()
                    .includes(new PlanFeatureCriteria(UPS, PlanFeature.EMAIL_EVENT_NOTIFICATIONS))).isTrue();
            assertThat(server.plans().query().includes(new PlanFeatureCriteria(UPS, PlanFeature.REMOTE_OUTLET_REBOOT)))
                    .isFalse();

            HttpResponse<String> extended = put(server, KEY, "{\"plan\": \"STANDARD\", \"endsOn\": \"2027-12-31\"}");
            assertThat(extended.body()).contains("\"EXTENDED\"", "2028-01-01T00:00:00Z");
            HttpResponse<String> lower = put(server, KEY, "{\"plan\": \"BASIC\"}");
            assertThat(lower.statusCode()).as("a running plan is not lowered").isEqualTo(409);
            assertThat(lower.body()).contains("PLAN_WOULD_SHORTEN");
            HttpResponse<String> bad = put(server, KEY, "{\"plan\": \"GOLD\", \"endsOn\": \"2027-12-31\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("INVALID_PLAN");

            clock.advance(Duration.ofDays(500));
            assertThat(server.plans().query().planOf(UPS).orElseThrow().plan()).isEqualTo(Plan.BASIC);
            HttpResponse<String> read = http.send(request(server, KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"BASIC\"");
        }
    }

    private HttpResponse<String> put(SmartConnect server, String key, String json) throws Exception {
        return http.send(request(server, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(SmartConnect server, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort().getAsInt()
                + "/api/v1/integration/devices/AS2104123456/plan")).header("Authorization", "Bearer " + key);
    }
}
