package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Checks an answer of the API against the contract: its status is one the operation documents and its JSON body
 * matches the schema documented for that status. The shared HTTP helper of the tests calls it on every answer, so
 * each web test checks the contract without saying so.
 */
final class ContractAnswers {

    /**
     * Refusals that can end any request before its operation reads it (the request line, the headers or the body
     * cannot be read, or the server fails): documented once as the {@code Problem} schema, not on every operation.
     */
    private static final Set<Integer> PROTOCOL_STATUSES = Set.of(405, 413, 414, 415, 431, 500);
    private static final Set<String> PROTOCOL_CODES = Set.of("BAD_REQUEST", "MALFORMED_JSON", "NOT_FOUND",
            "UNSUPPORTED_MEDIA_TYPE", "BODY_TOO_LARGE", "METHOD_NOT_ALLOWED", "URI_TOO_LONG", "HEADERS_TOO_LARGE",
            "INTERNAL_ERROR");

    private static final ContractAnswers INSTANCE = new ContractAnswers();

    private final OpenAPIContract contract;
    private final JsonSchema problemSchema;
    private final Set<String> problemCodes;

    private ContractAnswers() {
        OpenApiDocument document = OpenApiDocument.load();
        JsonObject json = forAnswers(document.json());
        Vertx vertx = Vertx.vertx();
        try {
            contract = OpenAPIContract.from(vertx, json).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the contract cannot be read for the answers' checks", e);
        } finally {
            vertx.close();
        }
        problemSchema = contract.operation("getMe").getResponse(401).getContent().get("application/json").getSchema();
        problemCodes = document.json().getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem")
                .getJsonObject("properties").getJsonObject("code").getJsonArray("enum").stream()
                .map(String.class::cast).collect(Collectors.toUnmodifiableSet());
    }

    static ContractAnswers instance() {
        return INSTANCE;
    }

    /** The codes the contract lists for a problem. */
    Set<String> problemCodes() {
        return problemCodes;
    }

    /**
     * The answer to {@code method path} (the path as sent, with its query) is one the contract documents. Pages
     * (HTML) and binary bodies are checked by their tests; their status is still one the operation documents.
     */
    void check(String method, String path, WebApiFixture.Answer answer) {
        String where = method + " " + path + " -> " + answer.status() + " " + answer.body();
        String contentType = answer.header("Content-Type");
        boolean problem = contentType != null && contentType.startsWith(Problem.CONTENT_TYPE);
        if (problem) {
            assertThat(problemCodes).as("the contract lists the code of " + where).contains(answer.code());
        }
        Operation operation = contract.findOperation(URI.create("http://host" + path).getPath(),
                HttpMethod.valueOf(method));
        if (operation == null) {
            // No operation: the router's own refusals (no route, a wrong method, an unreadable path).
            if (problem) {
                assertValid(problemSchema, answer.json(), where);
            }
            return;
        }
        Response response = operation.getResponse(answer.status());
        if (response == null) {
            response = operation.getDefaultResponse();
        }
        if (response == null) {
            boolean protocol = PROTOCOL_STATUSES.contains(answer.status())
                    || problem && PROTOCOL_CODES.contains(answer.code());
            assertThat(protocol).as("the contract documents the status of " + operation.getOperationId() + ": " + where)
                    .isTrue();
            if (problem) {
                assertValid(problemSchema, answer.json(), where);
            }
            return;
        }
        if (contentType == null || answer.body().isEmpty()) {
            assertThat(answer.body()).as("an answer without a body: " + where).isEmpty();
            return;
        }
        if (!contentType.startsWith("application/json") && !problem) {
            return;
        }
        MediaType media = response.getContent().get("application/json");
        assertThat(media).as("the contract documents a JSON body for " + operation.getOperationId() + ": " + where)
                .isNotNull();
        assertValid(media.getSchema(), Json.decodeValue(answer.body()), where);
    }

    private void assertValid(JsonSchema schema, Object body, String where) {
        OutputUnit result = contract.getSchemaRepository().validator(schema).validate(body);
        assertThat(result.getValid()).as(() -> "the answer matches the contract's schema: " + where + "\n"
                + (result.getErrors() == null ? "" : result.getErrors().stream().map(e -> e.getInstanceLocation()
                        + " " + e.getKeywordLocation() + ": " + e.getError()).collect(Collectors.joining("\n"))))
                .isTrue();
    }

    /**
     * The document with every answer's problem schema under {@code application/json}, which vertx-openapi
     * validates, and without the media types it cannot read (pages, CSV, YAML, images) or the relative server.
     */
    private static JsonObject forAnswers(JsonObject document) {
        JsonObject copy = document.copy();
        copy.remove("servers");
        rename(copy);
        return copy;
    }

    private static void rename(Object node) {
        if (node instanceof JsonObject object) {
            if (object.getValue("content") instanceof JsonObject content) {
                if (content.getValue(Problem.CONTENT_TYPE) instanceof JsonObject problem
                        && !content.containsKey("application/json")) {
                    content.put("application/json", problem);
                }
                content.fieldNames().removeIf(type -> !io.vertx.openapi.contract.MediaType.isMediaTypeSupported(type));
                if (content.isEmpty()) {
                    object.remove("content");
                }
            }
            object.forEach(entry -> rename(entry.getValue()));
            if (object.getValue("requestBody") instanceof JsonObject body && !body.containsKey("content")
                    && !body.containsKey("$ref")) {
                // Only answers are checked here: a request body of a media type left out is not needed.
                object.remove("requestBody");
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(ContractAnswers::rename);
        }
    }
}
