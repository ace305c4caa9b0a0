package com.smartconnect.adapters.web;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns on Vert.x metrics in a Prometheus registry, which {@code GET /metrics} then exposes. It must be applied
 * to the options the {@code Vertx} is created with: metrics cannot be switched on afterwards.
 *
 * <p>Every label takes known values only: each distinct value is a series of its own, kept for the life of the
 * process, so a label a client can choose would let it grow {@code /metrics} without bound. The HTTP method is
 * one of the standard ones or {@value #OTHER_METHOD}; no label holds the path (there is no route label either, and
 * a request that matches no route is counted with the others of its method and status).
 */
public final class WebMetrics {

    /** The {@code method} of a request whose method is not a standard one. */
    static final String OTHER_METHOD = "OTHER";

    private static final Set<HttpMethod> KNOWN_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private WebMetrics() {
    }

    /** {@code options}, with Micrometer metrics (HTTP server ones included) kept in a Prometheus registry. */
    public static VertxOptions enable(VertxOptions options) {
        // Vert.x's own method label would take any method name a client sends; it is replaced by a bounded one.
        EnumSet<Label> labels = EnumSet.copyOf(MicrometerMetricsOptions.DEFAULT_LABELS);
        labels.remove(Label.HTTP_METHOD);
        return options.setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                .setLabels(labels)
                .setServerRequestTagsProvider(WebMetrics::methodTag)
                .setClientRequestTagsProvider(WebMetrics::methodTag)
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    }

    private static Iterable<Tag> methodTag(HttpRequest request) {
        HttpMethod method = request.method();
        return Tags.of(Label.HTTP_METHOD.toString(), KNOWN_METHODS.contains(method) ? method.name() : OTHER_METHOD);
    }
}
