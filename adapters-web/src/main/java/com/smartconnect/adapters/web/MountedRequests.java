package com.smartconnect.adapters.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * What the contract validates of a request, wherever the API is mounted. The standard extraction reads path
 * parameters from the request's whole path by their position in the contract's path, so under a host's mount point
 * ({@code /ups/api/v1/registrations/{id}/...}) every segment is off by the mount point's. Here the path parameters are
 * the ones the router matched, which are relative to the mount point, and the query parameters the ones the router
 * decoded (once); everything else is the standard extraction.
 */
final class MountedRequests implements RequestExtractor {

    private final RequestExtractor standard = RequestExtractor.withBodyHandler();

    @Override
    public Future<ValidatableRequest> extractValidatableRequest(RoutingContext ctx, Operation operation) {
        Future<ValidatableRequest> extracted = standard.extractValidatableRequest(ctx, operation);
        boolean mounted = ctx.mountPoint() != null && !ctx.mountPoint().isEmpty() && !ctx.mountPoint().equals("/");
        Map<String, RequestParameter> path = new HashMap<>();
        Map<String, RequestParameter> query = new HashMap<>();
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Location.PATH && mounted) {
                String value = ctx.pathParam(parameter.getName());
                path.put(parameter.getName(), () -> value);
            }
            if (parameter.getIn() == Location.QUERY) {
                // The standard extraction decodes the query values a second time, so "%2B01:00" would become
                // " 01:00"; the values as the router decoded them once are the ones sent.
                String value = ctx.queryParams().get(parameter.getName());
                if (value != null) {
                    query.put(parameter.getName(), () -> value);
                }
            }
        }
        return extracted.map(request -> new Remounted(request, mounted ? Map.copyOf(path) : request.getPathParameters(),
                Map.copyOf(query)));
    }

    /** The standard extraction, with the path parameters the router matched. */
    private record Remounted(ValidatableRequest standard, Map<String, RequestParameter> path,
            Map<String, RequestParameter> query) implements ValidatableRequest {

        @Override
        public String getContentType() {
            return standard.getContentType();
        }

        @Override
        public Map<String, RequestParameter> getCookies() {
            return standard.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            return path;
        }

        @Override
        public Map<String, RequestParameter> getQuery() {
            return query;
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return standard.getHeaders();
        }

        @Override
        public RequestParameter getBody() {
            return standard.getBody();
        }
    }
}
