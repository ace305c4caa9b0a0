package com.smartconnect.adapters.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a request against its operation in the contract, as the router builder does, but where the route puts
 * it: after the session or integration key is checked, so that a caller without one learns nothing from the
 * request's validation and always gets the same refusal. A refused request fails with {@code 400} and the
 * {@link ValidatorException} (an {@link InvalidParameter} when it names one of the operation's parameters), which
 * {@link ProblemFailureHandler} words as for every operation.
 */
final class ContractValidation implements Handler<RoutingContext> {

    private final RequestValidator validator;
    private final Operation operation;

    ContractValidation(RequestValidator validator, Operation operation) {
        this.validator = validator;
        this.operation = operation;
    }

    /**
     * The validator names the refused parameter only in its message ("... query parameter limit ..."), the same for
     * every refusal of a parameter; a body's refusal names none.
     */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("\\b(path|query|header|cookie) parameter (\\S+?)(?=[ .]|$)");

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
                .compose(request -> validator.validate(request, operation.getOperationId()))
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
}
