package com.smartconnect.adapters.web;

import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A metrics factory that hands every call to another one, except that it ends the requests the HTTP parser refused.
 * Vert.x reports the beginning of such a request and its response, but never the end of its body, which never
 * comes; Micrometer counts a request as active until both ends are reported, so its
 * {@code vertx_http_server_active_requests} gauge would grow by one for every refused request, for the life of the
 * process. The end of the request is reported here once its response has ended.
 */
final class CompletedRequestMetrics implements VertxMetricsFactory {

    private final VertxMetricsFactory delegate;

    CompletedRequestMetrics(VertxMetricsFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new Metrics(delegate.metrics(options));
    }

    @Override
    public MetricsOptions newOptions() {
        return delegate.newOptions();
    }

    @Override
    public MetricsOptions newOptions(MetricsOptions options) {
        return delegate.newOptions(options);
    }

    @Override
    public MetricsOptions newOptions(JsonObject json) {
        return delegate.newOptions(json);
    }

    private record Metrics(VertxMetrics delegate) implements VertxMetrics {

        @Override
        @SuppressWarnings("unchecked")
        public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress local) {
            HttpServerMetrics<?, ?, ?> server = delegate.createHttpServerMetrics(options, local);
            return server == null ? null : new ServerMetrics((HttpServerMetrics<Object, Object, Object>) server);
        }

        @Override
        public EventBusMetrics<?> createEventBusMetrics() {
            return delegate.createEventBusMetrics();
        }

        @Override
        public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remote, String type, String namespace) {
            return delegate.createClientMetrics(remote, type, namespace);
        }

        @Override
        public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
            return delegate.createHttpClientMetrics(options);
        }

        @Override
        public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress local) {
            return delegate.createNetServerMetrics(options, local);
        }

        @Override
        public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
            return delegate.createNetClientMetrics(options);
        }

        @Override
        public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
            return delegate.createDatagramSocketMetrics(options);
        }

        @Override
        public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
            return delegate.createPoolMetrics(type, name, maxSize);
        }

        @Override
        public void vertxCreated(Vertx vertx) {
            delegate.vertxCreated(vertx);
        }

        @Override
        public boolean isMetricsEnabled() {
            return delegate.isMetricsEnabled();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** A request's metric, with what the refused request needs to be ended. */
    private static final class Request {
        final Object metric;
        final HttpRequest request;
        final boolean refused;
        volatile boolean ended;

        Request(Object metric, HttpRequest request, boolean refused) {
            this.metric = metric;
            this.request = request;
            this.refused = refused;
        }
    }

    private record ServerMetrics(HttpServerMetrics<Object, Object, Object> delegate)
            implements HttpServerMetrics<Request, Object, Object> {

        @Override
        public Request requestBegin(Object socket, HttpRequest request) {
            boolean refused = request instanceof HttpServerRequest serverRequest
                    && serverRequest.decoderResult().isFailure();
            return new Request(delegate.requestBegin(socket, request), request, refused);
        }

        @Override
        public void requestEnd(Request request, HttpRequest http, long bytesRead) {
            request.ended = true;
            delegate.requestEnd(request.metric, http, bytesRead);
        }

        @Override
        public void requestReset(Request request) {
            request.ended = true;
            delegate.requestReset(request.metric);
        }

        @Override
        public void responseBegin(Request request, HttpResponse response) {
            delegate.responseBegin(request.metric, response);
        }

        @Override
        public Request responsePushed(Object socket, HttpMethod method, String uri, HttpResponse response) {
            return new Request(delegate.responsePushed(socket, method, uri, response), null, false);
        }

        @Override
        public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
            delegate.responseEnd(request.metric, response, bytesWritten);
            if (request.refused && !request.ended) {
                request.ended = true;
                delegate.requestEnd(request.metric, request.request, 0);
            }
        }

        @Override
        public Object connected(Object socket, Request request, ServerWebSocket webSocket) {
            return delegate.connected(socket, request.metric, webSocket);
        }

        @Override
        public void disconnected(Object webSocket) {
            delegate.disconnected(webSocket);
        }

        @Override
        public void requestRouted(Request request, String route) {
            delegate.requestRouted(request.metric, route);
        }

        @Override
        public Object connected(SocketAddress remote, String remoteName) {
            return delegate.connected(remote, remoteName);
        }

        @Override
        public void disconnected(Object socket, SocketAddress remote) {
            delegate.disconnected(socket, remote);
        }

        @Override
        public void bytesRead(Object socket, SocketAddress remote, long bytes) {
            delegate.bytesRead(socket, remote, bytes);
        }

        @Override
        public void bytesWritten(Object socket, SocketAddress remote, long bytes) {
            delegate.bytesWritten(socket, remote, bytes);
        }

        @Override
        public void exceptionOccurred(Object socket, SocketAddress remote, Throwable error) {
            delegate.exceptionOccurred(socket, remote, error);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
