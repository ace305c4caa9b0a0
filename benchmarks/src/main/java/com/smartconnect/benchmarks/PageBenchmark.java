package com.smartconnect.benchmarks;

import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.device.port.in.DeviceMessage;
import com.smartconnect.application.device.port.in.IncomingDeviceMessage;
import com.smartconnect.application.device.port.in.RegisterDeviceCommand;
import com.smartconnect.application.device.port.in.RegisterDeviceResult;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.domain.device.BucketSize;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceStatus;
import com.smartconnect.domain.device.MetricSummary;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.StatusBucket;
import com.smartconnect.simulator.CatalogFile;
import com.smartconnect.simulator.DeviceIdentity;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages a person opens most, against the JSON API of the same data, in one process and one run
 * (BENCHMARKS.md, "Portal pages against the JSON API"): a SmartConnect server (HTTP on a free port, H2 in a folder of
 * its own or a fresh PostgreSQL schema) with one account that owns {@code --devices} (200) registered UPSes, each with
 * a status, and the first of them with 90 days of status history (hourly buckets, and five-minute ones for the last
 * two days, written through the history's repository port). Then, one request at a time over loopback, alternating
 * the two sides of each pair after a warm-up, the time from sending a request to the whole answer read:
 * <ul>
 *   <li>{@code device-list}: {@code GET /} (My devices, with the session cookie) against {@code GET /api/v1/devices}
 *       (bearer token);</li>
 *   <li>{@code status-page}: {@code GET /devices/status?productId=..&range=90d} against {@code GET
 *       /api/v1/devices/{id}} plus {@code GET /api/v1/devices/{id}/history?range=90d}, one after the other.</li>
 * </ul>
 * A pair whose page does not answer 200 (a page not built yet answers 404) is reported as not measured.
 * Options: {@code --pairs device-list,status-page --devices 200 --warmup-rounds 30 --rounds 200
 * --status-page /devices/status --postgres JDBC_URL --work DIR --out FILE}.
 */
public final class PageBenchmark {

    private static final long SEED = 20_261_207;
    private static final String PASSWORD = "Tr1angle!Sky";
    private static final String EMAIL = "fleet.owner@example.org";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    /** How long before now the account and its UPSes were registered: the history is read from the registration on. */
    private static final Duration REGISTERED_BEFORE = Duration.ofDays(91);

    private final Map<String, String> options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<MimeMessage> mails = new CopyOnWriteArrayList<>();
    private final ShiftedClock clock = new ShiftedClock();
    private final StringBuilder report = new StringBuilder();
    private int port;

    /** One measured pair: the page's times and the API's, in milliseconds, one of each per round. */
    record Pair(String name, String page, String api, List<Double> pageMillis, List<Double> apiMillis, String note) {

        boolean measured() {
            return !pageMillis.isEmpty();
        }

        double ratioOfMedians() {
            return percentile(pageMillis, 50) / percentile(apiMillis, 50);
        }
    }

    PageBenchmark(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new PageBenchmark(options, System.out).run();
        System.exit(0);
    }

    /** Runs the pairs asked for and answers them, measured or not (with why). */
    List<Pair> run() throws Exception {
        Path work = Path.of(options.getOrDefault("--work", "benchmarks/target/pages"));
        Files.createDirectories(work);
        Optional<String> postgres = Optional.ofNullable(options.get("--postgres"));
        String schema = "bench_pages_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String url;
        if (postgres.isPresent()) {
            execute(postgres.get(), "CREATE SCHEMA " + schema);
            url = postgres.get() + (postgres.get().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        } else {
            Path dataDir = work.resolve("h2-" + UUID.randomUUID());
            Files.createDirectories(dataDir);
            url = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString())).jdbcUrl();
        }
        try {
            return measure(work, url, postgres.isPresent() ? "PostgreSQL" : "H2");
        } finally {
            if (postgres.isPresent()) {
                execute(postgres.get(), "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private List<Pair> measure(Path work, String url, String database) throws Exception {
        int devices = Integer.parseInt(options.getOrDefault("--devices", "200"));
        int warmupRounds = Integer.parseInt(options.getOrDefault("--warmup-rounds", "30"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "200"));
        List<String> pairs = Arrays.stream(options.getOrDefault("--pairs", "device-list,status-page").split(","))
                .map(String::strip).toList();
        String statusPage = options.getOrDefault("--status-page", "/devices/status");
        Configuration configuration = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", work.toString(),
                "SMARTCONNECT_HTTP_HOST", "127.0.0.1", "SMARTCONNECT_HTTP_PORT", "0", "SMARTCONNECT_MQTT_PORT", "-1",
                "SMARTCONNECT_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        List<Pair> results = new ArrayList<>();
        try (HikariDataSource pool = PooledDataSource.create(url, null, null, configuration.dbPoolSize());
                SmartConnect server = SmartConnect.builder().configuration(configuration).dataSource(pool)
                        .clock(clock).mailTransport(mails::add).jobs().start()) {
            port = server.httpPort().getAsInt();
            long started = System.nanoTime();
            List<DeviceIdentity> fleet = DeviceIdentity.fleet(SEED, devices);
            ProductId withHistory = new ProductId(fleet.getFirst().productId());
            prepare(server, Database.migrate(pool), fleet);
            String token = logIn();
            log(String.format(Locale.ROOT, "%s: %d UPSes registered with a status, 90 days of history for %s, in %.1f s",
                    database, devices, withHistory.value(), (System.nanoTime() - started) / 1e9));
            Map<String, String> cookie = Map.of("Cookie", "smartconnect_session=" + token);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
            for (String pair : pairs) {
                Pair result = switch (pair) {
                    case "device-list" -> pair(pair, List.of(new Request("/", cookie, devices + " devices")),
                            List.of(new Request("/api/v1/devices", bearer, fleet.getLast().productId())),
                            warmupRounds, rounds);
                    case "status-page" -> pair(pair,
                            List.of(new Request(statusPage + "?productId=" + withHistory.value() + "&range=90d", cookie,
                                    "")),
                            List.of(new Request("/api/v1/devices/" + withHistory.value(), bearer, withHistory.value()),
                                    new Request("/api/v1/devices/" + withHistory.value() + "/history?range=90d", bearer,
                                            "bucketMinutes")),
                            warmupRounds, rounds);
                    default -> throw new IllegalArgumentException("--pairs takes device-list and status-page: " + pair);
                };
                results.add(result);
            }
        }
        report(database, devices, warmupRounds, rounds, results);
        Path file = Path.of(options.getOrDefault("--out", work.resolve("pages.md").toString()));
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        out.println(report);
        out.println("Written to " + file);
        return results;
    }

    /**
     * The account (signed up, verified, 91 days ago on the server's clock), the catalog of the fleet, each UPS's birth,
     * its registration to the account, then, today, a status each (every tenth on battery, every seventh with a low
     * battery) and the first UPS's 90 days of history.
     */
    private void prepare(SmartConnect server, Database database, List<DeviceIdentity> fleet) throws Exception {
        clock.shift(REGISTERED_BEFORE);
        server.devices().importCatalog().importCatalog(new ImportCatalogCommand(CatalogFile.text(fleet)));
        signUp();
        AuthenticatedUser owner = server.accounts().authenticate().authenticate(logIn()).orElseThrow();
        List<IncomingDeviceMessage> births = new ArrayList<>();
        for (DeviceIdentity device : fleet) {
            births.add(new IncomingDeviceMessage(new ProductId(device.productId()), new DeviceMessage.Birth(
                    new DeviceBirth("SMT1500RMI2UC", Optional.of("SN" + device.productId()), Optional.of("UPS 09.8"),
                            true, Optional.of("APCRBC159"), Optional.of(LocalDate.of(2024, 3, 1)),
                            List.of("SOG0", "SOG1"), clock.instant()))));
        }
        server.devices().ingest().ingest(births);
        for (DeviceIdentity device : fleet) {
            RegisterDeviceResult result = server.devices().register().register(new RegisterDeviceCommand(owner,
                    new RegisterDeviceCommand.Codes(device.productId(), device.productKey())));
            if (!(result instanceof RegisterDeviceResult.Registered)) {
                throw new IllegalStateException(device.productId() + " was not registered: " + result);
            }
        }
        clock.shift(Duration.ZERO);
        Instant now = clock.instant();
        List<IncomingDeviceMessage> statuses = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            List<String> flags = i % 10 == 3 ? List.of("OB", "DISCHRG") : i % 7 == 5 ? List.of("OL", "LB")
                    : List.of("OL", "CHRG");
            statuses.add(new IncomingDeviceMessage(new ProductId(fleet.get(i).productId()), new DeviceMessage.Status(
                    new DeviceStatus(Optional.of(1L), now.minusSeconds(30), flags, Optional.of(40 + i % 61),
                            Optional.of(600 + 13 * i), Optional.of(20.0 + i % 50), Optional.of(229.5),
                            Optional.of(230.0), Optional.of(27.0)))));
        }
        server.devices().ingest().ingest(statuses);
        history(database, new ProductId(fleet.getFirst().productId()), now);
    }

    /** 90 days of hourly buckets and the last two days of five-minute ones, each as if from a status a minute. */
    private static void history(Database database, ProductId device, Instant now) {
        List<StatusBucket> buckets = new ArrayList<>();
        for (BucketSize size : BucketSize.values()) {
            Duration span = size == BucketSize.ONE_HOUR ? Duration.ofDays(90) : Duration.ofDays(2);
            int statuses = (int) size.length().toMinutes();
            for (Instant start = size.startOf(now.minus(span)); start.isBefore(size.startOf(now));
                    start = start.plus(size.length())) {
                double wave = Math.sin(start.getEpochSecond() / 86_400.0 * 2 * Math.PI);
                buckets.add(new StatusBucket(device, size, start,
                        metric(statuses, 95 + 4 * wave, 2), metric(statuses, 3_000 + 400 * wave, 120),
                        metric(statuses, 35 + 10 * wave, 8), metric(statuses, 230 + 3 * wave, 4)));
            }
        }
        database.transactions().inTransaction(() -> {
            database.statusHistory().add(buckets);
            return null;
        });
    }

    private static MetricSummary metric(int count, double mean, double spread) {
        return new MetricSummary(count, mean - spread, mean * count, mean + spread);
    }

    private void signUp() throws Exception {
        int before = mails.size();
        HttpResponse<String> signUp = send("POST", "/api/v1/registrations", Map.of(), """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "password": "%s", "country": "GB",
                 "company": {"name": "Analytical Engines Ltd", "businessType": "Reseller",
                             "address": "12 St James's Square", "city": "London", "zipCode": "SW1Y 4JH",
                             "stateProvince": "Greater London", "country": "GB"},
                 "privacyAccepted": true, "marketingOptIn": false, "captchaToken": "any"}
                """.formatted(EMAIL, PASSWORD));
        expect(signUp, 202);
        String registrationId = field(signUp.body(), "registrationId");
        for (int i = 0; i < 3000 && mails.size() <= before; i++) {
            Thread.sleep(10);
        }
        if (mails.size() <= before) {
            throw new IllegalStateException("no verification mail");
        }
        Matcher code = CODE.matcher(text(mails.getLast()));
        if (!code.find()) {
            throw new IllegalStateException("no code in the verification mail");
        }
        expect(send("POST", "/api/v1/registrations/" + registrationId + "/verification", Map.of(),
                "{\"code\":\"" + code.group(1) + "\"}"), 200);
    }

    private String logIn() throws Exception {
        HttpResponse<String> login = send("POST", "/api/v1/sessions", Map.of(),
                "{\"email\": \"" + EMAIL + "\", \"password\": \"" + PASSWORD + "\"}");
        expect(login, 201);
        return field(login.body(), "token");
    }

    /** A request, and what its answer must contain for the figures to mean anything (empty: anything). */
    private record Request(String path, Map<String, String> headers, String mustShow) {
    }

    /**
     * One pair: first each side once (the page must answer 200, else it is not measured), then rounds of the page and
     * the API in turn (which goes first alternates), the warm-up rounds not counted.
     */
    private Pair pair(String name, List<Request> page, List<Request> api, int warmupRounds, int rounds)
            throws Exception {
        String pageText = page.stream().map(r -> "GET " + r.path()).reduce((a, b) -> a + " + " + b).orElseThrow();
        String apiText = api.stream().map(r -> "GET " + r.path()).reduce((a, b) -> a + " + " + b).orElseThrow();
        for (Request request : page) {
            HttpResponse<String> answer = send("GET", request.path(), request.headers(), null);
            if (answer.statusCode() != 200) {
                log(name + ": not measured, " + request.path() + " answered " + answer.statusCode());
                return new Pair(name, pageText, apiText, List.of(), List.of(),
                        "not measured: the page answered " + answer.statusCode());
            }
        }
        for (Request request : page) {
            shows(request, send("GET", request.path(), request.headers(), null));
        }
        for (Request request : api) {
            HttpResponse<String> answer = send("GET", request.path(), request.headers(), null);
            expect(answer, 200);
            shows(request, answer);
        }
        List<Double> pageMillis = new ArrayList<>();
        List<Double> apiMillis = new ArrayList<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            boolean pageFirst = round % 2 == 0;
            double first = time(pageFirst ? page : api);
            double second = time(pageFirst ? api : page);
            if (round >= warmupRounds) {
                pageMillis.add(pageFirst ? first : second);
                apiMillis.add(pageFirst ? second : first);
            }
        }
        Pair pair = new Pair(name, pageText, apiText, pageMillis, apiMillis, "");
        log(String.format(Locale.ROOT, "%s: page median %.2f ms, API median %.2f ms, %.2fx", name,
                percentile(pageMillis, 50), percentile(apiMillis, 50), pair.ratioOfMedians()));
        return pair;
    }

    private static void shows(Request request, HttpResponse<String> answer) {
        if (!answer.body().contains(request.mustShow())) {
            throw new IllegalStateException(request.path() + " does not show " + request.mustShow() + ": "
                    + answer.body().substring(0, Math.min(2_000, answer.body().length())));
        }
    }

    /** The time of the requests one after the other, each to its whole body read, in milliseconds. */
    private double time(List<Request> requests) throws Exception {
        long started = System.nanoTime();
        for (Request request : requests) {
            HttpResponse<String> answer = send("GET", request.path(), request.headers(), null);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(request.path() + " answered " + answer.statusCode());
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private void report(String database, int devices, int warmupRounds, int rounds, List<Pair> pairs) {
        report.append(String.format(Locale.ROOT, "%n## Portal pages against the JSON API (%s, %d UPSes, %d rounds "
                + "after %d warm-up rounds)%n%n| pair | page | API | page median ms | p90 ms | API median ms | p90 ms "
                + "| page / API (medians) | page / API (means) |%n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: "
                + "| ---: |%n", database, devices, rounds, warmupRounds));
        for (Pair pair : pairs) {
            if (!pair.measured()) {
                report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | | | | | |%n", pair.name(), pair.page(),
                        pair.api(), pair.note()));
                continue;
            }
            report.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    pair.name(), pair.page(), pair.api(), percentile(pair.pageMillis(), 50),
                    percentile(pair.pageMillis(), 90), percentile(pair.apiMillis(), 50), percentile(pair.apiMillis(), 90),
                    pair.ratioOfMedians(), mean(pair.pageMillis()) / mean(pair.apiMillis())));
        }
    }

    static double percentile(List<Double> values, double percent) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
        }
        return content.toString();
    }

    private void log(String line) {
        out.println(line);
        out.flush();
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The system clock, or as far before it as set: the fleet is registered 91 days back, then the clock is now. */
    static final class ShiftedClock extends Clock {

        private volatile Duration back = Duration.ZERO;

        void shift(Duration back) {
            this.back = back;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server's clock is in UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().minus(back);
        }
    }
}
