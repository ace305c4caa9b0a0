package com.smartconnect.adapters.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    /**
     * Marks an operation answered with an HTML page for a browser (such as the page a reset mail links to). Its
     * media types ({@code text/html}, {@code application/x-www-form-urlencoded}) are beyond what vertx-openapi 5.0
     * validates, and a page must answer a bad request with a page rather than a problem, so it is routed outside
     * the router builder and only documented here.
     */
    static final String PAGE_EXTENSION = "x-smartconnect-page";
    /** The security scheme of the operations that other applications call with their integration key. */
    static final String INTEGRATION_KEY_SCHEME = "integrationKey";
    /**
     * Marks an operation whose body is a binary upload (a photo of a UPS label): vertx-openapi 5.0 does not validate
     * such bodies, and the body must be read before anything asynchronous runs, so it is routed outside the router
     * builder like a page, but answers with problems like the JSON API.
     */
    static final String UPLOAD_EXTENSION = "x-smartconnect-upload";

    /** An operation marked {@link #PAGE_EXTENSION}, with where to route it. */
    record PageOperation(String operationId, HttpMethod method, String path) {
    }

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
     * contract. Only requests are validated, so nothing is lost; the published document keeps them. Page
     * operations ({@link #PAGE_EXTENSION}) are left out altogether. So are the {@code servers}: the document names
     * its server by the relative URL {@code /} (wherever it is deployed), which vertx-openapi 5.0 refuses as a
     * malformed URL; without servers it routes the paths as they are written, as a base path of {@code /} would.
     */
    JsonObject forRequestValidation() {
        JsonObject copy = json.copy();
        copy.remove("servers");
        prunePageOperations(copy);
        pruneAnswerMediaTypes(copy);
        pruneSecurityRequirements(copy);
        return copy;
    }

    /**
     * The operations that need a session: those whose security requirements (their own, else the document's) are
     * not empty and do not include the empty requirement that makes authentication optional, and that are not
     * {@link #integrationOperations}.
     */
    Set<String> securedOperations() {
        Set<String> secured = new HashSet<>();
        JsonArray global = json.getJsonArray("security", new JsonArray());
        forEachOperation(json, operation -> {
            JsonArray requirements = operation.getJsonArray("security", global);
            boolean optional = requirements.stream().anyMatch(r -> r instanceof JsonObject o && o.isEmpty());
            if (!requirements.isEmpty() && !optional && !namesIntegrationKey(requirements)) {
                secured.add(operation.getString("operationId"));
            }
        });
        return Set.copyOf(secured);
    }

    /**
     * The operations other applications call with an integration key (security scheme
     * {@value #INTEGRATION_KEY_SCHEME}), checked by {@link IntegrationAuthentication}. Such an operation takes the
     * integration key only: combined with a session or made optional, the contract is refused.
     */
    Set<String> integrationOperations() {
        Set<String> integration = new HashSet<>();
        JsonArray global = json.getJsonArray("security", new JsonArray());
        forEachOperation(json, operation -> {
            JsonArray requirements = operation.getJsonArray("security", global);
            if (namesIntegrationKey(requirements)) {
                boolean keyOnly = requirements.stream().allMatch(r -> r instanceof JsonObject o
                        && o.fieldNames().equals(Set.of(INTEGRATION_KEY_SCHEME)));
                if (!keyOnly) {
                    throw new IllegalStateException("the operation " + operation.getString("operationId")
                            + " must take the " + INTEGRATION_KEY_SCHEME + " alone");
                }
                integration.add(operation.getString("operationId"));
            }
        });
        return Set.copyOf(integration);
    }

    private static boolean namesIntegrationKey(JsonArray requirements) {
        return requirements.stream().anyMatch(r -> r instanceof JsonObject o && o.containsKey(INTEGRATION_KEY_SCHEME));
    }

    /** The operations marked {@link #PAGE_EXTENSION}, in the document's order. */
    List<PageOperation> pageOperations() {
        List<PageOperation> pages = new ArrayList<>();
        JsonObject paths = json.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            if (paths.getValue(path) instanceof JsonObject item) {
                for (String key : item.fieldNames()) {
                    if (item.getValue(key) instanceof JsonObject operation && isPage(operation)) {
                        pages.add(new PageOperation(operation.getString("operationId"),
                                HttpMethod.valueOf(key.toUpperCase(Locale.ROOT)), path));
                    }
                }
            }
        }
        return List.copyOf(pages);
    }

    /** The operations marked {@link #UPLOAD_EXTENSION}, in the document's order. */
    List<PageOperation> uploadOperations() {
        List<PageOperation> uploads = new ArrayList<>();
        JsonObject paths = json.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            if (paths.getValue(path) instanceof JsonObject item) {
                for (String key : item.fieldNames()) {
                    if (item.getValue(key) instanceof JsonObject operation && operation.containsKey("operationId")
                            && Boolean.TRUE.equals(operation.getValue(UPLOAD_EXTENSION))) {
                        uploads.add(new PageOperation(operation.getString("operationId"),
                                HttpMethod.valueOf(key.toUpperCase(Locale.ROOT)), path));
                    }
                }
            }
        }
        return List.copyOf(uploads);
    }

    /** The paths of {@link #pageOperations}: their bodies are forms, not JSON. */
    Set<String> pagePaths() {
        Set<String> paths = new HashSet<>();
        pageOperations().forEach(page -> paths.add(page.path()));
        return Set.copyOf(paths);
    }

    private static boolean isPage(JsonObject operation) {
        return operation.containsKey("operationId") && Boolean.TRUE.equals(operation.getValue(PAGE_EXTENSION));
    }

    private static boolean isRoutedOutside(JsonObject operation) {
        return isPage(operation) || operation.containsKey("operationId")
                && Boolean.TRUE.equals(operation.getValue(UPLOAD_EXTENSION));
    }

    private static void prunePageOperations(JsonObject document) {
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        paths.fieldNames().removeIf(path -> {
            if (!(paths.getValue(path) instanceof JsonObject item)) {
                return false;
            }
            item.fieldNames().removeIf(key -> item.getValue(key) instanceof JsonObject operation
                    && isRoutedOutside(operation));
            return item.fieldNames().stream().noneMatch(key -> item.getValue(key) instanceof JsonObject operation
                    && operation.containsKey("operationId"));
        });
    }

    /**
     * The router builder would want a Vert.x {@code AuthenticationHandler} for every security scheme; sessions are
     * checked by {@link SessionAuthentication} instead, on the operations {@link #securedOperations} names, and
     * integration keys by {@link IntegrationAuthentication}, on those {@link #integrationOperations} names.
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
