package com.smartconnect.adapters.web;

import com.smartconnect.application.common.port.out.ReadinessProbe;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What operators and tools ask: liveness, readiness, metrics and the contract itself. */
final class OperationsRoutes {

    private static final Logger LOG = System.getLogger(OperationsRoutes.class.getName());
    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final Vertx vertx;
    private final List<ReadinessProbe> probes;
    private final Blocking blocking;
    private final Buffer openApiYaml;
    private final Handler<RoutingContext> scraping = PrometheusScrapingHandler.create();

    OperationsRoutes(Vertx vertx, List<ReadinessProbe> probes, Blocking blocking, Buffer openApiYaml) {
        this.vertx = vertx;
        this.probes = List.copyOf(probes);
        this.blocking = blocking;
        this.openApiYaml = openApiYaml;
    }

    void live(RoutingContext ctx) {
        RegistrationRoutes.json(ctx, 200, new JsonObject().put("status", UP));
    }

    void ready(RoutingContext ctx) {
        Map<String, Object> checks = blocking.run(this::askProbes);
        boolean up = checks.values().stream().allMatch(UP::equals);
        RegistrationRoutes.json(ctx, up ? 200 : 503,
                new JsonObject().put("status", up ? UP : DOWN).put("checks", new JsonObject(checks)));
    }

    void metrics(RoutingContext ctx) {
        // The default registry is shared by name across Vertx instances; only trust it when this instance has metrics.
        if (vertx.isMetricsEnabled() && BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry) {
            scraping.handle(ctx);
        } else {
            Problem.notFound().sendTo(ctx);
        }
    }

    void openApi(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openApiYaml);
    }

    private Map<String, Object> askProbes() {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (ReadinessProbe probe : probes) {
            boolean ready;
            try {
                ready = probe.isReady();
            } catch (RuntimeException e) {
                // The port says probes never throw; one that does is not ready, and the others still get asked.
                LOG.log(Level.WARNING, "Readiness probe " + probe.name() + " failed", e);
                ready = false;
            }
            checks.put(probe.name(), ready ? UP : DOWN);
        }
        return checks;
    }
}
