package com.smartconnect.adapters.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a request against its operation in the contract, as the router builder does, but where the route puts
 * it: after the session or integration key is checked, so that a caller without one learns nothing from the
 * request's validation and always gets the same refusal. A refused request fails with {@code 400} and the
 * {@link ValidatorException} (an {@link InvalidParameter} when it names one of the operation's parameters), which
 * {@link ProblemFailureHandler} words as for every operation. A refused id below another in the path is the
 * handler's to answer, once it has checked the one above (see {@link #answeredByHandler}).
 */
final class ContractValidation implements Handler<RoutingContext> {

    private final RequestValidator validator;
    private final Operation operation;

    /**
     * The validator names the refused parameter only in its message ("... query parameter limit ..."), the same for
     * every refusal of a parameter; a body's refusal names none.
     */
    private static final Pattern NAMED_PARAMETER =
            Pattern.compile("\\b(path|query|header|cookie) parameter (\\S+?)(?=[ .]|$)");

    ContractValidation(RequestValidator validator, Operation operation) {
        this.validator = validator;
        this.operation = operation;
        // A contract without the stand-in a refusal needs fails at start, not at the first refused request.
        operation.getParameters().stream().filter(this::belowAnother).forEach(ContractValidation::standIn);
    }

    private Optional<Parameter> parameterOf(ValidatorException invalid) {
        Matcher named = NAMED_PARAMETER.matcher(String.valueOf(invalid.getMessage()));
        if (!named.find()) {
            return Optional.empty();
        }
        return operation.getParameters().stream()
                .filter(p -> p.getIn().name().equalsIgnoreCase(named.group(1)) && p.getName().equals(named.group(2)))
                .findFirst();
    }

    @Override
    public void handle(RoutingContext ctx) {
        new MountedRequests().extractValidatableRequest(ctx, operation)
                .compose(request -> validator.validate(request, operation.getOperationId())
                        .recover(failure -> answeredByHandler(failure)
                                .map(refused -> validateWithStandIn(request, refused))
                                .orElseGet(() -> Future.failedFuture(failure))))
                .onSuccess(validated -> {
                    ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                    ctx.next();
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidatorException invalid) {
                        ctx.fail(400, parameterOf(invalid).<Throwable>map(p -> new InvalidParameter(p, invalid))
                                .orElse(invalid));
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    /**
     * The refused parameter if the handler answers it: an id below another in the path (a notification of a device)
     * is unknown only once the one above it is known to be the caller's, which the handler checks.
     */
    private Optional<Parameter> answeredByHandler(Throwable failure) {
        return failure instanceof ValidatorException invalid
                ? parameterOf(invalid).filter(this::belowAnother)
                : Optional.empty();
    }

    private boolean belowAnother(Parameter parameter) {
        String path = operation.getOpenAPIPath();
        return parameter.getIn() == Location.PATH
                && parameter.getOpenAPIModel().containsKey(InvalidParameter.REFUSAL_EXTENSION)
                && path.indexOf("{" + parameter.getName() + "}") > path.indexOf('{');
    }

    /**
     * Validates the rest of the request, with the refused parameter in the place of the contract's example of it;
     * the handler gets the refused parameter as absent ({@link ValidatedParameters#pathBelow}), never the example.
     */
    private Future<ValidatedRequest> validateWithStandIn(ValidatableRequest request, Parameter refused) {
        String example = standIn(refused);
        Map<String, RequestParameter> path = new HashMap<>(request.getPathParameters());
        path.put(refused.getName(), () -> example);
        return validator.validate(new WithPath(request, Map.copyOf(path)), operation.getOperationId())
                .map(validated -> new Refused(validated, refused.getName()));
    }

    private static String standIn(Parameter parameter) {
        JsonObject schema = parameter.getOpenAPIModel().getJsonObject("schema", new JsonObject());
        JsonArray examples = schema.getJsonArray("examples", new JsonArray());
        if (examples.isEmpty() || !(examples.getValue(0) instanceof String example)) {
            throw new IllegalStateException("the contract gives no example of the path parameter "
                    + parameter.getName() + ", which a refusal below another id needs");
        }
        return example;
    }

    /** A request as extracted, with other path parameters. */
    private record WithPath(ValidatableRequest request, Map<String, RequestParameter> path)
            implements ValidatableRequest {

        @Override
        public String getContentType() {
            return request.getContentType();
        }

        @Override
        public Map<String, RequestParameter> getCookies() {
            return request.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            return path;
        }

        @Override
        public Map<String, RequestParameter> getQuery() {
            return request.getQuery();
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return request.getHeaders();
        }

        @Override
        public RequestParameter getBody() {
            return request.getBody();
        }
    }

    /** A validated request whose path parameter {@code refused} the contract refused: it has no value. */
    record Refused(ValidatedRequest validated, String refused) implements ValidatedRequest {

        @Override
        public Map<String, RequestParameter> getCookies() {
            return validated.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            Map<String, RequestParameter> path = new HashMap<>(validated.getPathParameters());
            path.remove(refused);
            return Map.copyOf(path);
        }

        @Override
        public Map<String, RequestParameter> getQuery() {
            return validated.getQuery();
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return validated.getHeaders();
        }

        @Override
        public RequestParameter getBody() {
            return validated.getBody();
        }
    }
}
