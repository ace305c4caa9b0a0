package com.smartconnect.adapters.web;

import static com.smartconnect.adapters.web.WebApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import com.smartconnect.domain.device.ProductId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integration endpoint of the device catalog ({@code POST /api/v1/integration/catalog}), over HTTP with the real
 * import service: a catalog CSV is imported all rows or none, with the integration key only.
 */
class CatalogIntegrationApiTest {

    private static final String CATALOG = "/api/v1/integration/catalog";
    private static final String HEADER =
            "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\n";
    private static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    @Test
    void importsEveryRowThenUpdatesTheKnownDevices() {
        String csv = HEADER + row("AS2104123456", "2027-03-01") + row("AS2104123457", "2027-03-01");

        Answer first = post(csv, WebApiFixture.STORE_KEY);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(new JsonObject().put("added", 2).put("updated", 0));
        assertThat(web.deviceCatalog.find(new ProductId("AS2104123457"))).isPresent();

        Answer again = post(csv + row("AS2104123458", "2027-03-01"), WebApiFixture.RESELLER_SYSTEM_KEY);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(new JsonObject().put("added", 1).put("updated", 2));
    }

    @Test
    void aFileWithErrorsImportsNothingAndSaysEachLine() {
        String csv = HEADER + row("AS2104123456", "2027-03-01") + row("AS21", "2027-03-01")
                + row("AS2104123459", "someday");

        Answer rejected = post(csv, WebApiFixture.STORE_KEY);

        assertProblem(rejected, 422, "CATALOG_INVALID");
        JsonArray errors = rejected.json().getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getInteger("line") + " " + ((JsonObject) e).getString("field")))
                .containsExactly("3 productId", "4 warrantyEndsOn");
        assertThat(web.deviceCatalog.find(new ProductId("AS2104123456"))).isEmpty();
    }

    @Test
    void aCatalogLargerThanTheApisJsonBodiesIsImported() {
        StringBuilder csv = new StringBuilder(HEADER);
        int devices = 1000;
        for (int i = 0; i < devices; i++) {
            csv.append(row("AS21%08d".formatted(i), "2027-03-01"));
        }
        assertThat(csv.length()).isGreaterThan(WebSettings.DEFAULT_MAX_BODY_BYTES);

        Answer imported = post(csv.toString(), WebApiFixture.STORE_KEY);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().getInteger("added")).isEqualTo(devices);
    }

    @Test
    void refusesWithoutAValidKeyWhateverTheBody() {
        String csv = HEADER + row("AS2104123456", "2027-03-01");
        for (Answer refused : List.of(web.send("POST", CATALOG, "text/csv", csv),
                web.send("POST", CATALOG, "text/csv", csv, "Authorization", "Bearer not-a-key"),
                web.send("POST", CATALOG, "application/json", "{}", "Authorization", "Bearer not-a-key"))) {
            assertProblem(refused, 401, "INTEGRATION_KEY_INVALID");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo(IntegrationAuthentication.CHALLENGE);
        }
        assertThat(web.deviceCatalog.find(new ProductId("AS2104123456"))).isEmpty();
    }

    @Test
    void takesCsvInUtf8Only() {
        assertProblem(web.send("POST", CATALOG, "application/json", "{}", "Authorization",
                "Bearer " + WebApiFixture.STORE_KEY), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(web.send("POST", CATALOG, "text/csv; charset=utf-8", "", "Authorization",
                "Bearer " + WebApiFixture.STORE_KEY), 422, "CATALOG_INVALID");
    }

    private static String row(String productId, String warrantyEndsOn) {
        return productId + ",7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01," + warrantyEndsOn + "\n";
    }

    private Answer post(String csv, String key) {
        return web.send("POST", CATALOG, "text/csv", csv, "Authorization", "Bearer " + key);
    }
}
