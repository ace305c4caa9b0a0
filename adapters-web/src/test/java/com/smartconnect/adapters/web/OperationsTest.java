package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OperationsTest {

    @Test
    void livenessAndReadinessAreUpWhenEveryProbeIsReady() throws Exception {
        try (WebApiFixture web = WebApiFixture.start()) {
            Answer live = web.get("/health/live");
            Answer ready = web.get("/health/ready");
            Answer health = web.get("/health");

            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json()).isEqualTo(new JsonObject().put("status", "UP"));
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json()).isEqualTo(new JsonObject().put("status", "UP")
                    .put("checks", new JsonObject().put("database", "UP")));
            assertThat(health.json()).isEqualTo(ready.json());
        }
    }

    @Test
    void readinessIsDownWith503WhenAProbeIsNotReadyAndLivenessStaysUp() throws Exception {
        try (WebApiFixture web = WebApiFixture.start(new VertxOptions(), UnaryOperator.identity(),
                List.of(WebApiFixture.probe("database", false), WebApiFixture.probe("mail", true)))) {
            Answer ready = web.get("/health/ready");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json()).isEqualTo(new JsonObject().put("status", "DOWN")
                    .put("checks", new JsonObject().put("database", "DOWN").put("mail", "UP")));
            assertThat(web.get("/health").status()).isEqualTo(503);
            assertThat(web.get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void theContractIsServedAsYamlWithAnOperationIdForEveryOperation() throws Exception {
        try (WebApiFixture web = WebApiFixture.start()) {
            Answer answer = web.get("/api/openapi.yaml");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/yaml");
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(answer.body());
            assertThat(String.valueOf(document.get("openapi"))).startsWith("3.1");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            assertThat(paths).containsKeys("/api/v1/registrations", "/api/v1/registrations/{registrationId}",
                    "/api/v1/registrations/{registrationId}/verification", "/api/v1/registrations/{registrationId}/code",
                    "/api/v1/sessions", "/api/v1/sessions/current", "/api/v1/sessions/two-factor",
                    "/api/v1/sessions/two-factor/code", "/api/v1/me", "/api/v1/me/two-factor",
                    "/api/v1/me/two-factor/enrolment", "/api/v1/me/two-factor/enrolment/qr-code",
                    "/api/v1/me/two-factor/enrolment/confirmation", "/api/v1/me/two-factor/code",
                    "/api/v1/company/invitations",
                    "/api/v1/company/invitations/{invitationId}", "/api/v1/coworker-invitations/{token}",
                    "/health", "/health/live", "/health/ready", "/metrics", "/api/openapi.yaml");
            paths.values().forEach(operations -> operations.forEach((method, operation) -> {
                if (!method.equals("parameters")) {
                    assertThat(((Map<?, ?>) operation).get("operationId")).as(method).isNotNull();
                }
            }));
        }
    }

    @Test
    void theServedContractKeepsItsRelativeServerAndEveryOperationStatesItsSecurity() throws Exception {
        try (WebApiFixture web = WebApiFixture.start()) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(web.get("/api/openapi.yaml").body());

            // The router gets the contract without its servers (vertx-openapi refuses a relative URL); the published
            // document keeps them.
            assertThat((List<?>) document.get("servers")).singleElement()
                    .satisfies(server -> assertThat(((Map<?, ?>) server).get("url")).isEqualTo("/"));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
            paths.values().forEach(operations -> operations.forEach((method, operation) -> {
                if (!method.equals("parameters")) {
                    // Public operations say so with `security: []`; none is left to a document-wide default.
                    assertThat(((Map<?, ?>) operation).get("security")).as(((Map<?, ?>) operation).get("operationId")
                            + " states its security").isInstanceOf(List.class);
                }
            }));
            assertThat(document).doesNotContainKey("security");
        }
    }

    @Test
    void metricsAreNotFoundWhenTheVertxHasNone() throws Exception {
        try (WebApiFixture web = WebApiFixture.start()) {
            Answer answer = web.get("/metrics");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void metricsArePrometheusTextWithHttpServerRequestsWhenEnabled() throws Exception {
        try (WebApiFixture web = WebApiFixture.start(WebMetrics.enable(new VertxOptions()), UnaryOperator.identity(),
                List.of(WebApiFixture.probe("database", true)))) {
            web.get("/health/live");

            Answer answer = web.get("/metrics");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("text/plain");
            assertThat(answer.body()).contains("# TYPE").contains("vertx_http_server_requests");
        }
    }

    @Test
    void metricsLabelsTakeKnownValuesOnlyWhateverMethodOrPathAClientSends() throws Exception {
        try (WebApiFixture web = WebApiFixture.start(WebMetrics.enable(new VertxOptions()), UnaryOperator.identity(),
                List.of(WebApiFixture.probe("database", true)))) {
            for (int i = 0; i < 40; i++) {
                RawHttp.exchange(web.port, RawHttp.request("INVENTED-" + i, "/health", null));
                RawHttp.exchange(web.port, RawHttp.request("GET", "/nothing-here-" + i, null));
            }
            web.get("/health/live");

            String metrics = web.get("/metrics").body();

            assertThat(metrics).doesNotContain("INVENTED").doesNotContain("nothing-here")
                    .contains("method=\"" + WebMetrics.OTHER_METHOD + "\"").contains("method=\"GET\"");
            long requestSeries = metrics.lines().filter(line -> line.startsWith("vertx_http_server_requests_total{"))
                    .count();
            // GET 200, GET 404, OTHER 405 and the GET of /metrics itself at most.
            assertThat(requestSeries).isBetween(2L, 4L);
        }
    }

    @Test
    void activeRequestsGaugeComesBackAfterRequestsTheParserRefused() throws Exception {
        try (WebApiFixture web = WebApiFixture.start(WebMetrics.enable(new VertxOptions()), UnaryOperator.identity(),
                List.of(WebApiFixture.probe("database", true)))) {
            for (int i = 0; i < 5; i++) {
                assertThat(RawHttp.exchange(web.port, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .status()).isEqualTo(414);
                assertThat(RawHttp.exchange(web.port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000)
                        + "\r\n\r\n").status()).isEqualTo(431);
            }

            String metrics = web.get("/metrics").body();

            // The request that reads the metrics is the only one in flight.
            assertThat(metrics.lines().filter(line -> line.startsWith("vertx_http_server_active_requests"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                    .isEqualTo(1.0);
        }
    }
}
