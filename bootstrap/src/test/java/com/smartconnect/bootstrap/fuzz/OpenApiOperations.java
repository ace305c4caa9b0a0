package com.smartconnect.bootstrap.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of the HTTP contract ({@code openapi.yaml} of adapters-web, read from the class path), each with
 * what the fuzzer needs: method and path, parameters with their schemas, the media types and schemas of the body,
 * how it authenticates, whether it is a page, and the media types each answer may have.
 */
final class OpenApiOperations {

    /** How an operation authenticates. */
    enum Security { NONE, SESSION, INTEGRATION }

    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    record Operation(String id, String method, String path, List<Parameter> parameters,
            Map<String, Map<String, Object>> bodies, boolean bodyRequired, Security security, boolean page,
            Map<String, Set<String>> answers) {

        /** The media types the contract declares for {@code status}, or for its {@code default}; null if neither. */
        Set<String> mediaTypesOf(int status) {
            Set<String> declared = answers.get(Integer.toString(status));
            return declared != null ? declared : answers.get("default");
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private final Map<String, Object> document;

    private OpenApiOperations(Map<String, Object> document) {
        this.document = document;
    }

    static OpenApiOperations load() throws IOException {
        try (InputStream in = OpenApiOperations.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IOException("openapi.yaml is not on the class path (adapters-web)");
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(16 * 1024 * 1024);
            Map<String, Object> document = new Yaml(options).load(in);
            return new OpenApiOperations(document);
        }
    }

    /** The schema (or parameter, or response) at a local {@code $ref}, followed until it is no reference. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 32; hops++) {
            String ref = (String) current.get("$ref");
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are read: " + ref);
            }
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part.replace("~1", "/").replace("~0", "~"));
            }
            current = (Map<String, Object>) target;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (Map.Entry<String, Object> pathEntry : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) pathEntry.getValue();
            List<Map<String, Object>> shared = (List<Map<String, Object>>) item.getOrDefault("parameters", List.of());
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                Map<String, Object> op = (Map<String, Object>) item.get(method);
                if (op == null) {
                    continue;
                }
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                List<Map<String, Object>> own = (List<Map<String, Object>>) op.getOrDefault("parameters", List.of());
                for (Map<String, Object> raw : concat(shared, own)) {
                    Map<String, Object> p = resolve(raw);
                    Map<String, Object> schema = p.get("schema") == null ? Map.of("type", "string")
                            : (Map<String, Object>) p.get("schema");
                    String in = (String) p.get("in");
                    parameters.put(in + ":" + p.get("name"), new Parameter((String) p.get("name"), in,
                            Boolean.TRUE.equals(p.get("required")) || "path".equals(in), schema));
                }
                Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
                boolean bodyRequired = false;
                if (op.get("requestBody") != null) {
                    Map<String, Object> body = resolve((Map<String, Object>) op.get("requestBody"));
                    bodyRequired = Boolean.TRUE.equals(body.get("required"));
                    Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
                    for (Map.Entry<String, Object> media : content.entrySet()) {
                        Map<String, Object> mediaType = (Map<String, Object>) media.getValue();
                        Map<String, Object> schema = mediaType == null || mediaType.get("schema") == null
                                ? Map.of() : (Map<String, Object>) mediaType.get("schema");
                        bodies.put(media.getKey(), schema);
                    }
                }
                Map<String, Set<String>> answers = new LinkedHashMap<>();
                Map<String, Object> responses = (Map<String, Object>) op.getOrDefault("responses", Map.of());
                for (Map.Entry<String, Object> response : responses.entrySet()) {
                    Map<String, Object> resolved = resolve((Map<String, Object>) response.getValue());
                    Map<String, Object> content = (Map<String, Object>) resolved.getOrDefault("content", Map.of());
                    answers.put(response.getKey(), new TreeSet<>(content.keySet()));
                }
                operations.add(new Operation((String) op.get("operationId"), method.toUpperCase(Locale.ROOT),
                        pathEntry.getKey(), List.copyOf(parameters.values()), bodies, bodyRequired,
                        security((List<Map<String, Object>>) op.get("security")),
                        Boolean.TRUE.equals(op.get("x-smartconnect-page")), answers));
            }
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private Security security(List<Map<String, Object>> requirements) {
        List<Map<String, Object>> effective = requirements != null ? requirements
                : (List<Map<String, Object>>) document.getOrDefault("security", List.of());
        for (Map<String, Object> requirement : effective) {
            if (requirement.containsKey("integrationKey")) {
                return Security.INTEGRATION;
            }
            if (requirement.containsKey("bearerAuth") || requirement.containsKey("sessionCookie")) {
                return Security.SESSION;
            }
        }
        return Security.NONE;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
