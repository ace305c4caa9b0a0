package com.smartconnect.adapters.web;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.common.port.in.FieldError;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.List;
import java.util.Optional;

/**
 * Answers every failure as a problem: the ones Vert.x raises itself (no route, wrong method, body over the
 * limit, contract validation) and exceptions of our handlers. Whatever the failure, the answer carries only our
 * own wording; exception text and stack traces go to the log.
 */
final class ProblemFailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = System.getLogger(ProblemFailureHandler.class.getName());

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Problem problem = problemFor(ctx);
        if (ctx.response().headWritten()) {
            // Too late for a problem: the status line is gone. Closing tells the client the answer is incomplete.
            ctx.request().connection().close();
            return;
        }
        problem.sendTo(ctx);
    }

    private static Problem problemFor(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status = ctx.statusCode();
        if (failure instanceof HttpException http) {
            status = http.getStatusCode();
            if (http.getCause() != null) {
                failure = http.getCause();
            }
        }
        if (failure instanceof InvalidParameter parameter) {
            return fromParameter(parameter);
        }
        if (failure instanceof ValidatorException invalid) {
            return fromValidation(ctx, invalid);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccountNoLongerExists) {
                // The account went between authentication and the use case: for the client the session is over.
                return Problem.notAuthenticated();
            }
            if (cause instanceof DecoderException) {
                // A body Netty could not decode (a broken form or multipart part) is the client's error.
                status = 400;
            }
        }
        return switch (status) {
            case 400 -> Problem.badRequest();
            case 414 -> Problem.uriTooLong();
            case 431 -> Problem.headersTooLarge();
            case 404 -> Problem.notFound();
            case 405 -> Problem.methodNotAllowed();
            case 413 -> Problem.bodyTooLarge();
            case 415 -> Problem.unsupportedMediaType();
            default -> {
                LOG.log(Level.ERROR, "Unexpected failure answering " + ctx.request().method() + " " + ctx.request().path()
                        + " (status " + status + ")", failure);
                yield Problem.internalError();
            }
        };
    }

    /**
     * A parameter the contract refused: an id that cannot exist is answered as an unknown one (the contract names
     * the refusal), anything else as a field error, worded as the contract says where it says it.
     */
    private static Problem fromParameter(InvalidParameter invalid) {
        Optional<ProblemCode> refusal = invalid.refusal();
        if (refusal.isPresent()) {
            return switch (refusal.get()) {
                case CSRF_TOKEN_INVALID -> Problem.csrfTokenInvalid();
                case DEVICE_NOT_FOUND -> DeviceRoutes.deviceNotFound();
                case INVITATION_EXPIRED -> Problem.invitationExpired();
                case INVITATION_NOT_FOUND -> Problem.invitationNotFound();
                case REGISTRATION_NOT_FOUND -> Problem.registrationNotFound();
                default -> throw new IllegalStateException("no problem answers a parameter with " + refusal.get());
            };
        }
        FieldError error = invalid.fieldError()
                .map(wording -> new FieldError(invalid.name(), wording.getString("code"), wording.getString("message")))
                .orElseGet(() -> new FieldError(invalid.name(), SchemaFieldErrors.FIELD_INVALID,
                        "The " + invalid.name() + " is not valid."));
        return Problem.validationFailed(List.of(error));
    }

    private static Problem fromValidation(RoutingContext ctx, ValidatorException invalid) {
        if (invalid instanceof SchemaValidationException schema) {
            OutputUnit result = schema.getOutputUnit();
            if (SchemaFieldErrors.bodyIsNotAnObject(result)) {
                return Problem.malformedJson("The request body must be a JSON object.");
            }
            List<FieldError> errors = SchemaFieldErrors.of(result, ApiPaths.asSent(ctx));
            if (!errors.isEmpty()) {
                return Problem.validationFailed(errors);
            }
        }
        if (invalid.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
            return Problem.malformedJson("The request needs a JSON body.");
        }
        if (invalid.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT) {
            return Problem.unsupportedMediaType();
        }
        if (invalid.type() == ValidatorErrorType.ILLEGAL_VALUE) {
            return Problem.malformedJson("The request body is not valid JSON.");
        }
        LOG.log(Level.DEBUG, () -> "Request refused by the contract: " + invalid.getMessage());
        return Problem.badRequest();
    }
}
