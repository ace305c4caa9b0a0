package com.smartconnect.adapters.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a request as {@link ContractValidation} validated them against the contract: typed as the
 * contract types them (an {@code integer} is a number, an {@code enum} one of its values, a {@code date-time} a valid
 * time), so a handler reads them without parsing or checking them again.
 */
final class ValidatedParameters {

    private ValidatedParameters() {
    }

    private static ValidatedRequest request(RoutingContext ctx) {
        ValidatedRequest request = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        if (request == null) {
            throw new IllegalStateException("the request was not validated against the contract");
        }
        return request;
    }

    /** A query parameter the request carries; empty when it is absent (or not one of the operation's). */
    static Optional<RequestParameter> query(RoutingContext ctx, String name) {
        return present(request(ctx).getQuery(), name);
    }

    /** A path parameter, as the router matched it (below a host's mount point). */
    static String path(RoutingContext ctx, String name) {
        return present(request(ctx).getPathParameters(), name).map(RequestParameter::getString)
                .orElseThrow(() -> new IllegalStateException("the operation has no path parameter " + name));
    }

    /**
     * A path parameter below another one, such as a notification of the device: empty when the contract refused it,
     * which the handler answers as an unknown value once it has checked the one above it.
     */
    static Optional<String> pathBelow(RoutingContext ctx, String name) {
        if (request(ctx) instanceof ContractValidation.Refused refused && refused.refused().equals(name)) {
            return Optional.empty();
        }
        return Optional.of(path(ctx, name));
    }

    private static Optional<RequestParameter> present(Map<String, RequestParameter> parameters, String name) {
        RequestParameter parameter = parameters.get(name);
        return parameter == null || parameter.isNull() ? Optional.empty() : Optional.of(parameter);
    }
}
