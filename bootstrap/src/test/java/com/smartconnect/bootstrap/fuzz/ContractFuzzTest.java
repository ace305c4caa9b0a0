package com.smartconnect.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Operation;
import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Security;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP contract under fuzzing: for every operation of {@code openapi.yaml}, a few hundred requests derived from
 * its schema and mutated ({@link RequestMutations}) go over a real socket to the full server (H2, every adapter).
 * No answer may be a 5xx; every 4xx is what the contract declares for the operation, and on the API that is
 * {@code application/problem+json} with a {@code code}; the server is healthy after. Operations that need a session
 * get a real one (an account signed up, verified and logged in, with a registered UPS), integration operations the
 * configured key, so the requests reach past authentication.
 *
 * <p>Seeded: the seed is printed, and {@code -Dsmartconnect.fuzz.seed=S} replays it (with
 * {@code -Dsmartconnect.fuzz.operation=operationId} for one operation: each operation draws from a random source of
 * its own). Bounded in time: {@code smartconnect.fuzz.seconds} (150) is shared out among the operations still to run,
 * each stopping at {@code smartconnect.fuzz.requests} (300) requests or its share of the time.
 */
class ContractFuzzTest {

    private static final String KEY = "fuzz-integration-key-0123456789abcdef";
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String DEVICE = "AS2104123456";
    private static final String DEVICE_KEY = "7KQ2M9X4B1C8DZ";
    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t";
    private static final int BURST = 6;
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** Operations that end the session or the device the others need: they run last. */
    private static final List<String> LAST = List.of("unregisterDevice", "deleteMe", "logOut");

    @TempDir
    Path dataDir;

    private final List<MimeMessage> mails = new CopyOnWriteArrayList<>();
    private RawHttp http;
    private String email;
    private String token;

    @Test
    void everyOperationAnswersMutatedRequestsWithoutA5xxAndWithItsDeclaredProblems() throws Exception {
        long seed = Long.getLong("smartconnect.fuzz.seed", System.nanoTime());
        int requestsPerOperation = Integer.getInteger("smartconnect.fuzz.requests", 300);
        Duration budget = Duration.ofSeconds(Long.getLong("smartconnect.fuzz.seconds", 150));
        String only = System.getProperty("smartconnect.fuzz.operation", "");
        System.out.printf("Contract fuzzing with seed %d (replay: -Dsmartconnect.fuzz.seed=%d)%n", seed, seed);

        OpenApiOperations contract = OpenApiOperations.load();
        List<Operation> operations = new ArrayList<>(contract.operations().stream()
                .filter(op -> only.isEmpty() || op.id().equals(only)).toList());
        operations.sort(Comparator.comparingInt(op -> LAST.indexOf(op.id())));
        assertThat(operations).as("operations of the contract").isNotEmpty();

        Configuration configuration = Configuration.from(Map.of(
                "SMARTCONNECT_DATA_DIR", dataDir.toString(),
                "SMARTCONNECT_HTTP_HOST", "127.0.0.1",
                "SMARTCONNECT_HTTP_PORT", "0",
                "SMARTCONNECT_MQTT_PORT", "0",
                "SMARTCONNECT_PUBLIC_URL", "https://portal.example.com",
                "SMARTCONNECT_INTEGRATION_KEYS", "store=" + KEY,
                "SMARTCONNECT_SHUTDOWN_GRACE_SECONDS", "1"));
        try (SmartConnect server = SmartConnect.builder().configuration(configuration).mailTransport(mails::add)
                .start()) {
            http = new RawHttp(server.httpPort().getAsInt());
            server.devices().importCatalog().importCatalog(new ImportCatalogCommand("""
                    productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn
                    AS2104123456,7KQ2M9X4B1C8DZ,s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t,SMT1500RMI2UC,SN1,APCRBC159,2025-03-01,2028-03-01
                    """));
            MqttClient device = connectDevice(server.mqttPort().getAsInt());
            Map<String, String> known = setUp();

            List<String> failures = new ArrayList<>();
            Map<String, Integer> undeclared = java.util.Collections.synchronizedMap(new TreeMap<>());
            int requests = 0;
            long started = System.nanoTime();
            long end = started + budget.toNanos();
            List<String> perOperation = new ArrayList<>();
            java.util.concurrent.ExecutorService burst = java.util.concurrent.Executors.newFixedThreadPool(BURST);
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                Map<Integer, Integer> statuses = java.util.Collections.synchronizedMap(new TreeMap<>());
                if (operation.security() == Security.SESSION) {
                    ensureSessionAndDevice(known);
                }
                long share = (end - System.nanoTime()) / (operations.size() - i);
                long operationEnd = System.nanoTime() + Math.max(share, Duration.ofMillis(200).toNanos());
                Random random = new Random(seed * 31 + operation.id().hashCode());
                RequestMutations mutations = new RequestMutations(contract, operation,
                        new RequestMutations.Context(known, token, KEY), random);
                for (int n = 0; n < requestsPerOperation && System.nanoTime() < operationEnd; n++) {
                    RawHttp.Request request = mutations.next(n);
                    requests++;
                    String failure = check(operation, request, undeclared, statuses);
                    if (failure != null && failures.size() < 40) {
                        failures.add(operation + " request " + n + ": " + failure + "\n" + request.describe());
                    }
                }
                // The same request, unmutated, six times at once: two requests that race for one row (a sign-up,
                // a registration, an invitation) must still get answers, not a unique key's 500.
                RawHttp.Request same = new RequestMutations(contract, operation,
                        new RequestMutations.Context(known, token, KEY), new Random(seed * 17 + operation.id().hashCode()))
                        .next(0);
                List<java.util.concurrent.Future<String>> racing = new ArrayList<>();
                for (int r = 0; r < BURST; r++) {
                    racing.add(burst.submit(() -> check(operation, same, undeclared, statuses)));
                }
                for (var answer : racing) {
                    requests++;
                    String failure = answer.get();
                    if (failure != null && failures.size() < 40) {
                        failures.add(operation + " request sent " + BURST + " times at once: " + failure + "\n"
                                + same.describe());
                    }
                }
                perOperation.add(operation.id() + " " + statuses);
            }
            burst.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Contract fuzzing: %d operations, %d requests in %.1f s (seed %d)%n", operations.size(),
                    requests, seconds, seed);
            System.out.println("Answers by operation: " + String.join("; ", perOperation));
            if (!undeclared.isEmpty()) {
                System.out.println("Answers the contract does not declare (operation status: count): " + undeclared);
            }

            device.disconnect();
            device.close();
            RawHttp.Response health = http.send(new RawHttp.Request("GET", "/health", List.of(), null));
            assertThat(health.status()).as("/health after fuzzing: " + health.text()).isEqualTo(200);
            assertThat(failures).as("failures with seed %d (replay: -Dsmartconnect.fuzz.seed=%d"
                    + " -Dsmartconnect.fuzz.operation=<operationId>)", seed, seed).isEmpty();
        }
    }

    /** The failure of one answer, or null when it is as the contract says. */
    private String check(Operation operation, RawHttp.Request request, Map<String, Integer> undeclared,
            Map<Integer, Integer> statuses) {
        RawHttp.Response response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            return "no answer: " + e;
        }
        int status = response.status();
        statuses.merge(status, 1, Integer::sum);
        if (Boolean.getBoolean("smartconnect.fuzz.verbose")) {
            System.out.println(request.describe() + "\n  => " + status + " " + RawHttp.shorten(response.text(), 300));
        }
        return contractFailure(operation, response, undeclared);
    }

    /** What is wrong with an answer of {@code operation}, or null when it is as the contract says. */
    static String contractFailure(Operation operation, RawHttp.Response response, Map<String, Integer> undeclared) {
        int status = response.status();
        if (status >= 500) {
            return "answered " + status + ": " + RawHttp.shorten(response.text(), 400);
        }
        if (status < 400) {
            return null;
        }
        Set<String> declared = operation.mediaTypesOf(status);
        if (declared == null) {
            undeclared.merge(operation.id() + " " + status, 1, Integer::sum);
        }
        String mediaType = response.mediaType();
        boolean api = !operation.page();
        if (api || mediaType.equals("application/problem+json")) {
            if (!mediaType.equals("application/problem+json")) {
                return "answered " + status + " as '" + response.contentType() + "', not application/problem+json: "
                        + RawHttp.shorten(response.text(), 300);
            }
            try {
                Object code = new JsonObject(response.text()).getValue("code");
                if (!(code instanceof String text) || text.isBlank()) {
                    return "answered " + status + " problem+json without a code: " + RawHttp.shorten(response.text(), 300);
                }
            } catch (RuntimeException notJson) {
                return "answered " + status + " problem+json that is not a JSON object: "
                        + RawHttp.shorten(response.text(), 300);
            }
        }
        if (declared != null && !declared.isEmpty() && !declared.contains(mediaType)) {
            return "answered " + status + " as '" + response.contentType() + "', the contract declares " + declared;
        }
        if (operation.page() && declared == null && !Set.of("text/html", "application/problem+json").contains(mediaType)) {
            return "answered " + status + " as '" + response.contentType() + "' on a page";
        }
        return null;
    }

    // ---- the account, session and device the authenticated operations use ----

    private Map<String, String> setUp() throws Exception {
        email = "fuzz-owner@example.org";
        JsonObject signUp = new JsonObject(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace",
                "password", PASSWORD, "country", "GB", "company", Map.of("name", "Analytical Engines Ltd",
                        "businessType", "Reseller", "address", "12 St James Square", "city", "London",
                        "zipCode", "SW1Y 4JH", "stateProvince", "Greater London", "country", "GB"),
                "privacyAccepted", true, "marketingOptIn", false, "captchaToken", "any"));
        RawHttp.Response accepted = json("POST", "/api/v1/registrations", signUp.encode(), null);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String registrationId = new JsonObject(accepted.text()).getString("registrationId");
        String code = awaitCode();
        RawHttp.Response verified = json("POST", "/api/v1/registrations/" + registrationId + "/verification",
                new JsonObject().put("code", code).encode(), null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        logIn();
        registerDevice();
        RawHttp.Response notifications = json("GET", "/api/v1/devices/" + DEVICE + "/notifications", null, token);
        Map<String, String> known = new LinkedHashMap<>();
        known.put("productId", DEVICE);
        known.put("registrationId", registrationId);
        known.put("outletGroup", "SOG1");
        JsonArray list = new JsonObject(notifications.text()).getJsonArray("notifications", new JsonArray());
        if (!list.isEmpty()) {
            known.put("notificationId", list.getJsonObject(0).getString("id"));
        }
        return known;
    }

    /** The UPS connects and reports (registering needs a device that connected), and stays connected. */
    private static MqttClient connectDevice(int port) throws Exception {
        MqttClient device = new MqttClient("tcp://127.0.0.1:" + port, DEVICE, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(DEVICE);
        options.setPassword(SECRET.toCharArray());
        options.setAutomaticReconnect(false);
        device.setTimeToWait(10_000);
        device.connect(options);
        publish(device, "birth", """
                {"model": "SMT1500RMI2UC", "serialNumber": "SN1", "firmware": "UPS 15.5 / NMC 1.2",
                 "smartConnectEnabled": true, "batterySku": "APCRBC159", "batteryInstalledOn": "2025-03-01",
                 "outletGroups": ["MAIN", "SOG1"], "sentAt": "2026-11-20T08:15:30Z"}""");
        publish(device, "status", """
                {"seq": 1, "sentAt": "2026-11-20T08:16:30Z", "status": ["OL"], "batteryChargePercent": 95}""");
        publish(device, "events", """
                {"eventId": "e-1", "type": "ON_BATTERY", "occurredAt": "2026-11-20T08:17:02Z"}""");
        return device;
    }

    private static void publish(MqttClient device, String kind, String json) throws Exception {
        device.publish("ups/" + DEVICE + "/" + kind, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private String awaitCode() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage mail : mails) {
                if (mail.getAllRecipients()[0].toString().equals(email)) {
                    Matcher matcher = CODE.matcher(body(mail));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no sign-up code mailed to " + email);
    }

    private static String body(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private void logIn() throws IOException {
        RawHttp.Response loggedIn = json("POST", "/api/v1/sessions",
                new JsonObject().put("email", email).put("password", PASSWORD).encode(), null);
        assertThat(loggedIn.status()).as(loggedIn.text()).isEqualTo(201);
        token = new JsonObject(loggedIn.text()).getString("token");
    }

    private void registerDevice() throws IOException {
        RawHttp.Response registered = json("POST", "/api/v1/devices",
                new JsonObject().put("productId", DEVICE).put("productKey", DEVICE_KEY).encode(), token);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    /** A session and a registered device for the next operation, whatever the ones before did to them. */
    private void ensureSessionAndDevice(Map<String, String> known) throws IOException {
        if (json("GET", "/api/v1/me", null, token).status() == 401) {
            logIn();
        }
        if (json("GET", "/api/v1/devices/" + DEVICE, null, token).status() == 404) {
            // An operation before (unregistering) gave the device up: it is registered again for the next one.
            registerDevice();
        }
        known.put("productId", DEVICE);
    }

    private RawHttp.Response json(String method, String path, String body, String bearer) throws IOException {
        List<String[]> headers = new ArrayList<>();
        if (bearer != null) {
            headers.add(new String[] {"Authorization", "Bearer " + bearer});
        }
        if (body != null) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        return http.send(new RawHttp.Request(method, path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
