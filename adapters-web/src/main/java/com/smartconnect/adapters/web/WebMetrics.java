package com.smartconnect.adapters.web;

import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * Turns on Vert.x metrics in a Prometheus registry, which {@code GET /metrics} then exposes. It must be applied
 * to the options the {@code Vertx} is created with: metrics cannot be switched on afterwards.
 */
public final class WebMetrics {

    private WebMetrics() {
    }

    /** {@code options}, with Micrometer metrics (HTTP server ones included) kept in a Prometheus registry. */
    public static VertxOptions enable(VertxOptions options) {
        return options.setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    }
}
