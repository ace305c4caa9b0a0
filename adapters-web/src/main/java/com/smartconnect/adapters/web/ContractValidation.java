package com.smartconnect.adapters.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates a request against its operation in the contract, as the router builder does, but where the route puts
 * it: the integration operations check the caller's key first, so that a caller without a valid key learns nothing
 * from the request's validation and always gets the same refusal. A refused request fails with
 * {@code 400} and the {@link ValidatorException}, which {@link ProblemFailureHandler} words as for every operation.
 */
final class ContractValidation implements Handler<RoutingContext> {

    private final RequestValidator validator;
    private final Operation operation;

    ContractValidation(RequestValidator validator, Operation operation) {
        this.validator = validator;
        this.operation = operation;
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
                    if (failure instanceof ValidatorException) {
                        ctx.fail(400, failure);
                    } else {
                        ctx.fail(failure);
                    }
                });
    }
}
