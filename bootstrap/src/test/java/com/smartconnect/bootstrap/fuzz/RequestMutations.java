package com.smartconnect.bootstrap.fuzz;

import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Operation;
import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Parameter;
import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Security;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Requests for one operation, derived from what its schema says (types, formats, enums, bounds, required and known
 * properties, media types), each with a few mutations: of its path and query parameters (wrong types, outside the
 * bounds or the enum, huge, bad percent escapes, control characters, missing, repeated), its headers (Content-Type,
 * Authorization, CSRF token, cookie) and its body (wrong types, missing and extra fields, nulls, huge strings, bad
 * escapes, malformed or deeply nested JSON, bytes that are not UTF-8, a body of another media type). A first share of
 * the requests is left unmutated, so that the operation's own validation and use case are reached too.
 */
final class RequestMutations {

    /** What a request needs from the running server: the known-good values of parameters, and the credentials. */
    record Context(Map<String, String> knownValues, String sessionToken, String integrationKey) {
    }

    /** Raw JSON text, written as it is (numbers JSON cannot hold, NaN, and the like). */
    private record Raw(String json) {
    }

    private static final List<String> HOSTILE_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m",
            "\r\nX-Injected: 1", "\u202e\u200b", "\ud83d\ude00", "'; DROP TABLE account; --", "<script>alert(1)</script>",
            "../../etc/passwd", "%00", "%ZZ", "\\", "\"", "{{title}}", "${jndi:ldap://x}", "NaN", "-1", "0",
            "99999999999999999999999", "1e309", "true", "null", "[]", "{}", "\uFEFF", "\u00e9\u00e8", "\uFFFF",
            "2147483648", "-9223372036854775809", "Stra\u00dfe", "\u0130stanbul", "a@b", "@", "x@y@z.org");

    /** Dates and instants at and past the edges of what Java, H2 and PostgreSQL hold. */
    private static final List<String> HOSTILE_DATES = List.of("9999-12-31", "+10000-01-01", "-0001-01-01",
            "0000-01-01", "2027-02-29", "2027-13-01", "+999999999-12-31", "-999999999-01-01", "1970-01-01",
            "2027-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z",
            "+294277-01-01T00:00:00Z", "-4713-11-24T00:00:00Z", "2026-12-01T10:00:00+18:00", "2026-12-01T10:00:00",
            "2026-12-01T25:00:00Z", "2026-12-01", "1e10", "P1D");

    private final OpenApiOperations contract;
    private final Operation operation;
    private final Context context;
    private final Random random;

    RequestMutations(OpenApiOperations contract, Operation operation, Context context, Random random) {
        this.contract = contract;
        this.operation = operation;
        this.context = context;
        this.random = random;
    }

    /** Request number {@code index}: the first few as the schema says, the others with one to three mutations. */
    RawHttp.Request next(int index) {
        Map<String, String> path = new LinkedHashMap<>();
        List<String[]> query = new ArrayList<>();
        List<String[]> headers = new ArrayList<>();
        for (Parameter p : operation.parameters()) {
            String value = context.knownValues().getOrDefault(p.name(), text(valid(p.schema(), 0)));
            switch (p.in()) {
                case "path" -> path.put(p.name(), encode(value));
                case "query" -> {
                    if (p.required() || random.nextBoolean()) {
                        query.add(new String[] {p.name(), encode(value)});
                    }
                }
                case "header" -> {
                    if (!p.name().equalsIgnoreCase("X-CSRF-Token")) {
                        headers.add(new String[] {p.name(), value});
                    }
                }
                default -> { }
            }
        }
        authenticate(headers);
        String mediaType = operation.bodies().isEmpty() ? null
                : new ArrayList<>(operation.bodies().keySet()).get(random.nextInt(operation.bodies().size()));
        Object bodyValue = mediaType == null ? null : valid(operation.bodies().get(mediaType), 0);
        byte[] body = mediaType == null ? null : serialise(mediaType, bodyValue);
        String contentType = mediaType == null ? null : contentTypeOf(mediaType);

        int mutations = index < 8 ? 0 : 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(10);
            if (kind <= 1 && !path.isEmpty()) {
                String name = pick(new ArrayList<>(path.keySet()));
                path.put(name, hostilePathValue());
            } else if (kind <= 3) {
                mutateQuery(query);
            } else if (kind == 4) {
                mutateHeaders(headers);
            } else if (kind == 5) {
                contentType = hostileContentType(contentType);
                if (body == null) {
                    body = "{\"unexpected\": \"body\"}".getBytes(StandardCharsets.UTF_8);
                }
            } else if (mediaType != null && mediaType.contains("json")) {
                if (random.nextInt(3) == 0) {
                    body = malformedJson();
                } else {
                    bodyValue = mutateValue(bodyValue, operation.bodies().get(mediaType), 0);
                    body = json(bodyValue).getBytes(StandardCharsets.UTF_8);
                }
            } else if (mediaType != null) {
                body = mutateOtherBody(mediaType, bodyValue);
            } else if (random.nextInt(4) == 0) {
                // A body where the operation takes none.
                body = random.nextBoolean() ? malformedJson() : "{}".getBytes(StandardCharsets.UTF_8);
                contentType = random.nextBoolean() ? "application/json" : contentType;
            } else if (!path.isEmpty() && random.nextBoolean()) {
                path.put(pick(new ArrayList<>(path.keySet())), hostilePathValue());
            } else {
                mutateQuery(query);
            }
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        String target = operation.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue());
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            for (String[] pair : query) {
                q.append(q.isEmpty() ? '?' : '&').append(pair[0]);
                if (pair[1] != null) {
                    q.append('=').append(pair[1]);
                }
            }
            target += q;
        }
        return new RawHttp.Request(operation.method(), target, headers, body);
    }

    private void authenticate(List<String[]> headers) {
        if (operation.security() == Security.SESSION) {
            headers.add(new String[] {"Authorization", "Bearer " + context.sessionToken()});
        } else if (operation.security() == Security.INTEGRATION) {
            headers.add(new String[] {"Authorization", "Bearer " + context.integrationKey()});
        }
    }

    // ---- values as the schema says ----

    @SuppressWarnings("unchecked")
    Object valid(Map<String, Object> rawSchema, int depth) {
        Map<String, Object> schema = contract.resolve(rawSchema);
        if (schema == null || depth > 6) {
            return "x";
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.get(combinator) instanceof List<?> choices && !choices.isEmpty()) {
                return valid((Map<String, Object>) choices.get(random.nextInt(choices.size())), depth + 1);
            }
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Object part : parts) {
                if (valid((Map<String, Object>) part, depth + 1) instanceof Map<?, ?> values) {
                    merged.putAll((Map<String, Object>) values);
                }
            }
            return merged;
        }
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty() && random.nextInt(3) > 0) {
            return examples.get(random.nextInt(examples.size()));
        }
        if (schema.containsKey("example") && random.nextInt(3) > 0) {
            return schema.get("example");
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
                for (Map.Entry<String, Object> property : properties.entrySet()) {
                    if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
                        object.put(property.getKey(), valid((Map<String, Object>) property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                int min = intOf(schema.get("minItems"), 0);
                int max = Math.min(intOf(schema.get("maxItems"), 3), min + 3);
                int count = min + (max > min ? random.nextInt(max - min + 1) : 0);
                Map<String, Object> items = (Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string"));
                for (int i = 0; i < count; i++) {
                    list.add(valid(items, depth + 1));
                }
                yield list;
            }
            case "integer" -> {
                long min = longOf(schema.get("minimum"), 0);
                long max = longOf(schema.get("maximum"), min + 100);
                yield min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
            }
            case "number" -> longOf(schema.get("minimum"), 0) + random.nextDouble();
            case "boolean" -> random.nextBoolean();
            default -> validString(schema);
        };
    }

    private String validString(Map<String, Object> schema) {
        String format = String.valueOf(schema.getOrDefault("format", ""));
        int min = intOf(schema.get("minLength"), 1);
        int max = Math.max(min, Math.min(intOf(schema.get("maxLength"), 24), 64));
        return switch (format) {
            case "uuid" -> UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            case "email" -> "fuzz" + Math.abs(random.nextInt()) + "@example.org";
            case "date" -> random.nextInt(10) == 0 ? pick(HOSTILE_DATES)
                    : "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
            case "date-time" -> random.nextInt(10) == 0 ? pick(HOSTILE_DATES)
                    : "2026-12-0" + (1 + random.nextInt(9)) + "T10:00:00Z";
            case "uri" -> "https://portal.example.com/devices/register?productId=AS2104123456";
            default -> {
                int length = min + random.nextInt(max - min + 1);
                StringBuilder text = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    text.append("abcdefghijkLMNOP0123456789".charAt(random.nextInt(26)));
                }
                yield text.toString();
            }
        };
    }

    // ---- mutations ----

    @SuppressWarnings("unchecked")
    private Object mutateValue(Object value, Map<String, Object> rawSchema, int depth) {
        Map<String, Object> schema = contract.resolve(rawSchema);
        if (value instanceof Map<?, ?> map && !map.isEmpty() && random.nextInt(3) > 0 && depth < 6) {
            Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) map);
            Map<String, Object> properties = schema == null ? Map.of()
                    : (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            String key = pick(new ArrayList<>(object.keySet()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(key);
                case 1 -> object.put("unexpected" + random.nextInt(10), hostileValue(Map.of()));
                default -> {
                    Object property = properties.get(key);
                    object.put(key, mutateValue(object.get(key),
                            property instanceof Map ? (Map<String, Object>) property : Map.of(), depth + 1));
                }
            }
            return object;
        }
        if (value instanceof List<?> list && !list.isEmpty() && random.nextBoolean() && depth < 6) {
            List<Object> copy = new ArrayList<>(list);
            Object items = schema == null ? null : schema.get("items");
            int at = random.nextInt(copy.size());
            copy.set(at, mutateValue(copy.get(at), items instanceof Map ? (Map<String, Object>) items : Map.of(),
                    depth + 1));
            if (random.nextBoolean()) {
                for (int i = 0; i < 200; i++) {
                    copy.add(copy.get(0));
                }
            }
            return copy;
        }
        return hostileValue(schema == null ? Map.of() : schema);
    }

    /** A value this schema does not allow, or one at its edges. */
    private Object hostileValue(Map<String, Object> schema) {
        int maxLength = intOf(schema.get("maxLength"), 64);
        int minLength = intOf(schema.get("minLength"), 0);
        return switch (random.nextInt(16)) {
            case 14, 15 -> pick(HOSTILE_DATES);
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> List.of("x", 1);
            case 3 -> Map.of("nested", "object");
            case 4 -> new Raw(pick(List.of("1e99999", "-1e99999", "9223372036854775808", "-0", "0.5", "1.0e-400",
                    "123456789012345678901234567890", "-2147483649")));
            case 5 -> "x".repeat(maxLength + 1);
            case 6 -> minLength > 0 ? "x".repeat(minLength - 1) : "";
            case 7 -> "\u00e9".repeat(20_000 + random.nextInt(30_000));
            case 8 -> "NOT_IN_THE_ENUM";
            case 9 -> schema.get("enum") instanceof List<?> values && !values.isEmpty()
                    ? String.valueOf(values.get(0)).toLowerCase(Locale.ROOT) + " " : pick(HOSTILE_STRINGS);
            case 10 -> new Raw("\"\\ud800\"");
            case 11 -> new Raw("\"" + "\\u0000".repeat(3) + "\"");
            case 12 -> intOf(schema.get("maximum"), Integer.MAX_VALUE) + 1L;
            default -> pick(HOSTILE_STRINGS);
        };
    }

    private byte[] malformedJson() {
        return switch (random.nextInt(16)) {
            case 0 -> new byte[0];
            case 1 -> "{".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{\"a\":}".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\":\"\\x41\"}".getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"a\":\"\\u12\"}".getBytes(StandardCharsets.UTF_8);
            case 5 -> "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{\"a\":" .repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
            case 7 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 8 -> "\uFEFF{}".getBytes(StandardCharsets.UTF_8);
            case 9 -> "{\"a\":1,\"a\":2,}".getBytes(StandardCharsets.UTF_8);
            case 10 -> "{} trailing".getBytes(StandardCharsets.UTF_8);
            case 11 -> "null".getBytes(StandardCharsets.UTF_8);
            case 12 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            case 13 -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            case 14 -> "{\"a\": NaN, /* comment */ \"b\": Infinity}".getBytes(StandardCharsets.UTF_8);
            default -> "{}".getBytes(StandardCharsets.UTF_16);
        };
    }

    private byte[] mutateOtherBody(String mediaType, Object value) {
        return switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> "a=%ZZ&b=%&=&&token=%E0%A4%A".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("token=" + "t".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, (byte) 0x28};
            case 4 -> ("--b\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nx\r\n--b").getBytes(
                    StandardCharsets.UTF_8);
            default -> serialise(mediaType, mutateValue(value, operation.bodies().get(mediaType), 0));
        };
    }

    private void mutateQuery(List<String[]> query) {
        switch (random.nextInt(6)) {
            case 0 -> {
                if (!query.isEmpty()) {
                    query.remove(random.nextInt(query.size()));
                }
            }
            case 1 -> {
                if (!query.isEmpty()) {
                    query.add(query.get(random.nextInt(query.size())).clone());
                }
            }
            case 2 -> query.add(new String[] {pick(List.of("%", "%G1", "a%2", "x", "")), pick(List.of("%", "%ZZ", "1",
                    ""))});
            case 3 -> query.add(new String[] {"flag", null});
            default -> {
                List<Parameter> params = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
                String name = params.isEmpty() ? "unexpected" : pick(params).name();
                query.removeIf(pair -> pair[0].equals(name));
                query.add(new String[] {name, hostileQueryValue()});
            }
        }
    }

    private String hostileQueryValue() {
        return switch (random.nextInt(10)) {
            case 8, 9 -> encode(pick(HOSTILE_DATES));
            case 0 -> "%ZZ";
            case 1 -> "%";
            case 2 -> "%00";
            case 3 -> "%C3%28";
            case 4 -> encode("x".repeat(1_000 + random.nextInt(2_000)));
            case 5 -> "%0D%0AX-Injected:%201";
            case 6 -> encode(RawHttp.shorten(String.valueOf(hostileValue(Map.of())), 2_000));
            default -> encode(pick(HOSTILE_STRINGS));
        };
    }

    private String hostilePathValue() {
        return switch (random.nextInt(10)) {
            case 0 -> "%ZZ";
            case 1 -> "%00";
            case 2 -> "..%2F..%2Fhealth";
            case 3 -> "%C3%28";
            case 4 -> encode("A".repeat(1_000 + random.nextInt(2_000)));
            case 5 -> "%20";
            case 6 -> "a%2Fb";
            case 7 -> encode(UUID.randomUUID().toString());
            case 8 -> "-1";
            default -> encode(pick(HOSTILE_STRINGS));
        };
    }

    private void mutateHeaders(List<String[]> headers) {
        headers.removeIf(h -> h[0].equals("Authorization") && random.nextBoolean());
        switch (random.nextInt(8)) {
            case 0 -> headers.add(new String[] {"Authorization", "Bearer " + pick(HOSTILE_STRINGS)
                    .replaceAll("[\\r\\n]", "")});
            case 1 -> headers.add(new String[] {"Authorization", "Basic " + "QUxBRERJTjpPcGVuU2VzYW1l"});
            case 2 -> headers.add(new String[] {"Authorization", "Bearer " + "t".repeat(3_000)});
            case 3 -> headers.add(new String[] {"Cookie", "smartconnect_session=" + context.sessionToken()
                    + "; smartconnect_csrf=x"});
            case 4 -> headers.add(new String[] {"X-CSRF-Token", "\u0001\u007f"});
            case 5 -> headers.add(new String[] {"Accept", "application/xml;q=0.1, */*;q=x"});
            case 6 -> headers.add(new String[] {"Accept-Charset", "utf-7"});
            default -> headers.add(new String[] {"Content-Length-Extra", "\u00e9\u00ff"});
        }
    }

    private String hostileContentType(String current) {
        return pick(List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                "multipart/form-data", "multipart/form-data; boundary=", "application/x-www-form-urlencoded",
                "application/json, text/html", "garbage/", "/", ";", "application/problem+json",
                "application/json; charset=\"utf-8\"; boundary", "image/png", "text/csv; charset=utf-16",
                current == null ? "application/json" : current.toUpperCase(Locale.ROOT)));
    }

    // ---- writing ----

    private byte[] serialise(String mediaType, Object value) {
        if (mediaType.contains("json")) {
            return json(value).getBytes(StandardCharsets.UTF_8);
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return form(value).getBytes(StandardCharsets.UTF_8);
        }
        if (mediaType.startsWith("multipart/")) {
            StringBuilder body = new StringBuilder();
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    body.append("--fuzzboundary\r\nContent-Disposition: form-data; name=\"").append(e.getKey())
                            .append("\"\r\n\r\n").append(text(e.getValue())).append("\r\n");
                }
            }
            return body.append("--fuzzboundary--\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        if (mediaType.equals("text/csv")) {
            return csv().getBytes(StandardCharsets.UTF_8);
        }
        if (mediaType.startsWith("image/")) {
            byte[] bytes = new byte[16 + random.nextInt(200)];
            random.nextBytes(bytes);
            return bytes;
        }
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A catalog file: its header, then rows whose cells are mostly good and now and then hostile. */
    private String csv() {
        StringBuilder csv = new StringBuilder(
                "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn");
        boolean skus = random.nextBoolean();
        if (skus) {
            csv.append(",warrantyExtensionSku,standardPlanSku,advancedPlanSku");
        }
        csv.append('\n');
        for (int row = 0, rows = 1 + random.nextInt(4); row < rows; row++) {
            List<String> cells = new ArrayList<>(List.of("AS21FZ" + (100_000 + random.nextInt(900_000)),
                    "7KQ2M9X4B1C8DZ", "s3cret-0123456789-abcdef-0123456789", "SMT1500RMI2UC", "SN" + row,
                    pick(List.of("APCRBC159", "APCRBC123", "RBC7", "X")), "2023-03-01", "2027-03-01"));
            if (skus) {
                cells.addAll(List.of("WEXT-1", "", "ADV-1"));
            }
            if (random.nextInt(3) == 0) {
                int at = random.nextInt(cells.size());
                cells.set(at, at == 6 || at == 7 ? pick(HOSTILE_DATES) : pick(HOSTILE_STRINGS));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static String contentTypeOf(String mediaType) {
        return mediaType.startsWith("multipart/") ? mediaType + "; boundary=fuzzboundary" : mediaType;
    }

    private String form(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return "value=" + encode(text(value));
        }
        StringBuilder form = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            form.append(form.isEmpty() ? "" : "&").append(encode(String.valueOf(e.getKey()))).append('=')
                    .append(encode(text(e.getValue())));
        }
        return form.toString();
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(out.length() > 1 ? "," : "").append(json(String.valueOf(e.getKey()))).append(':')
                        .append(json(e.getValue()));
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() > 1 ? "," : "").append(json(item));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static String text(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        return value instanceof String s ? s : json(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("string");
        }
        if (type == null) {
            return schema.containsKey("properties") ? "object" : "string";
        }
        return String.valueOf(type);
    }

    private static int intOf(Object value, int otherwise) {
        return value instanceof Number n ? (int) Math.min(Integer.MAX_VALUE, n.longValue()) : otherwise;
    }

    private static long longOf(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }

}
