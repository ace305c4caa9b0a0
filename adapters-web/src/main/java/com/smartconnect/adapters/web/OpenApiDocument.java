package com.smartconnect.adapters.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI contract of the API, read from this module's classpath. It is read here rather than with
 * {@code OpenAPIContract.from(vertx, path)} because Vert.x resolves such a path against the working directory
 * first, and a stray {@code openapi.yaml} there would silently become the contract.
 */
record OpenApiDocument(Buffer yaml, JsonObject json) {

    static final String RESOURCE = "/openapi.yaml";

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            // A safe constructor: the document is ours, but nothing read as YAML should be able to build objects.
            Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
            Map<String, Object> tree = parser.load(new String(bytes, StandardCharsets.UTF_8));
            return new OpenApiDocument(Buffer.buffer(bytes), new JsonObject(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The contract as the request validator gets it: without the answer media types vertx-openapi 5.0 cannot
     * validate ({@code application/problem+json}, {@code application/yaml}), which would make it refuse the whole
     * contract. Only requests are validated, so nothing is lost; the published document keeps them.
     */
    JsonObject forRequestValidation() {
        JsonObject copy = json.copy();
        pruneAnswerMediaTypes(copy);
        pruneSecurityRequirements(copy);
        return copy;
    }

    /**
     * The operations that need a session: those whose security requirements (their own, else the document's) are
     * not empty and do not include the empty requirement that makes authentication optional.
     */
    Set<String> securedOperations() {
        Set<String> secured = new HashSet<>();
        JsonArray global = json.getJsonArray("security", new JsonArray());
        forEachOperation(json, operation -> {
            JsonArray requirements = operation.getJsonArray("security", global);
            boolean optional = requirements.stream().anyMatch(r -> r instanceof JsonObject o && o.isEmpty());
            if (!requirements.isEmpty() && !optional) {
                secured.add(operation.getString("operationId"));
            }
        });
        return Set.copyOf(secured);
    }

    /**
     * The router builder would want a Vert.x {@code AuthenticationHandler} for every security scheme; sessions are
     * checked by {@link SessionAuthentication} instead, on the operations {@link #securedOperations} names.
     */
    private static void pruneSecurityRequirements(JsonObject document) {
        document.remove("security");
        forEachOperation(document, operation -> operation.remove("security"));
    }

    private static void forEachOperation(JsonObject document, Consumer<JsonObject> action) {
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            if (paths.getValue(path) instanceof JsonObject item) {
                for (String key : item.fieldNames()) {
                    if (item.getValue(key) instanceof JsonObject operation && operation.containsKey("operationId")) {
                        action.accept(operation);
                    }
                }
            }
        }
    }

    private static void pruneAnswerMediaTypes(Object node) {
        if (node instanceof JsonObject object) {
            if (object.getValue("content") instanceof JsonObject content) {
                content.fieldNames().removeIf(mediaType -> !MediaType.isMediaTypeSupported(mediaType));
                if (content.isEmpty()) {
                    object.remove("content");
                }
            }
            object.forEach(entry -> pruneAnswerMediaTypes(entry.getValue()));
        } else if (node instanceof JsonArray array) {
            array.forEach(OpenApiDocument::pruneAnswerMediaTypes);
        }
    }
}
