package com.smartconnect.adapters.web;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.ValidatorException;
import java.util.Optional;

/**
 * A parameter the contract refused, with what the contract says to answer: the problem of its
 * {@value #REFUSAL_EXTENSION} (an id that cannot exist is simply not found), else a field error whose code and
 * message are its {@value #FIELD_ERROR_EXTENSION}, else a generic field error.
 */
final class InvalidParameter extends RuntimeException {

    /** On a parameter: the code of the problem that answers a value the contract refuses. */
    static final String REFUSAL_EXTENSION = "x-smartconnect-refusal";
    /** On a parameter: the {@code code} and {@code message} of the field error of a value the contract refuses. */
    static final String FIELD_ERROR_EXTENSION = "x-smartconnect-field-error";

    private final transient Parameter parameter;

    InvalidParameter(Parameter parameter, ValidatorException cause) {
        super("invalid parameter " + parameter.getName(), cause, false, false);
        this.parameter = parameter;
    }

    String name() {
        return parameter.getName();
    }

    Optional<ProblemCode> refusal() {
        return Optional.ofNullable(parameter.getOpenAPIModel().getString(REFUSAL_EXTENSION))
                .map(code -> ProblemCode.find(code).orElseThrow(() -> new IllegalStateException(
                        "the contract names a refusal that is not in the catalogue: " + code)));
    }

    Optional<JsonObject> fieldError() {
        return Optional.ofNullable(parameter.getOpenAPIModel().getJsonObject(FIELD_ERROR_EXTENSION));
    }
}
