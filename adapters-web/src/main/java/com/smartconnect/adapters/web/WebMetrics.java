package com.smartconnect.adapters.web;

import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns on Vert.x metrics in a Prometheus registry, which {@code GET /metrics} then exposes. It must be applied
 * to the options the {@code Vertx} is created with ({@link #vertx} does): metrics cannot be switched on afterwards.
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

    /**
     * A {@link Vertx} with {@code options} and the metrics of {@link #enable}, kept by Micrometer through
     * {@link CompletedRequestMetrics}, so that the requests the HTTP parser refused leave the active-requests gauge.
     */
    public static Vertx vertx(VertxOptions options) {
        return Vertx.builder().with(enable(options))
                .withMetrics(new CompletedRequestMetrics(new MicrometerMetricsFactory()))
                .build();
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

    /**
     * The device messages acknowledged but not stored, as {@code smartconnect_device_messages_rejected_total} by
     * reason, and the events of a type the server does not know yet, in the registry {@code GET /metrics} shows: when
     * {@code vertx} keeps metrics there, else nothing. The reasons are the adapters' and the application's own
     * categories, a handful, never a value from the wire.
     */
    public static void exposeDeviceCounters(Vertx vertx, DeviceMessageCounters counters) {
        if (!vertx.isMetricsEnabled() || !(BackendRegistries.getDefaultNow() instanceof MeterRegistry registry)) {
            return;
        }
        FunctionCounter.builder("smartconnect.device.events.unknown.type", counters,
                        DeviceMessageCounters::unknownEventTypes)
                .description("Device events of a type the server does not know yet, stored with severity info")
                .register(registry);
        counters.whenReasonSeen(reason -> FunctionCounter.builder("smartconnect.device.messages.rejected", counters,
                        c -> c.rejectedFor(reason))
                .description("Device messages acknowledged but not stored, by reason")
                .tag("reason", reason)
                .register(registry));
    }

    private static Iterable<Tag> methodTag(HttpRequest request) {
        HttpMethod method = request.method();
        return Tags.of(Label.HTTP_METHOD.toString(), KNOWN_METHODS.contains(method) ? method.name() : OTHER_METHOD);
    }
}
