package com.smartconnect.benchmarks;

import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.application.port.in.ImportCatalogCommand;
import com.smartconnect.simulator.CatalogFile;
import com.smartconnect.simulator.DeviceIdentity;
import com.smartconnect.simulator.Fleet;
import com.smartconnect.simulator.FleetSettings;
import com.smartconnect.simulator.FleetStatistics;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The MQTT ingest benchmark of BENCHMARKS.md, in one run: for each broker (Mosquitto, SmartConnect on H2, SmartConnect
 * on PostgreSQL) and each fleet size, the sustained rate of QoS 1 events acknowledged (for SmartConnect: stored, the
 * PUBACK comes after the commit) and the publish-to-PUBACK latencies; the latencies at a fixed offered load; the
 * storage ceiling of each database; the heap per idle connection of SmartConnect and of a bare Vert.x MQTT server.
 * Options (all optional): {@code --devices 1,100,10000 --warmup 5 --measure 15 --fixed-rate 10000
 * --targets mosquitto,h2,postgres,bare --postgres JDBC_URL --mosquitto HOST:PORT --out FILE --work DIR}.
 */
public final class IngestBenchmark {

    private static final long SEED = 20_261_123;
    private static final String SERVER_HEAP = "2g";

    private final Map<String, String> options;
    private final PrintStream out;
    private final Path work;
    private final Duration warmup;
    private final Duration measure;
    private final List<Integer> fleetSizes;
    private final int maxDevices;
    private final double fixedRate;
    private final StringBuilder report = new StringBuilder();

    record Throughput(String target, int devices, int window, double eventsPerSecond, double p50, double p99,
            long failures) {
    }

    private final List<Throughput> throughputs = new ArrayList<>();
    private final Map<String, double[]> fixedLoad = new LinkedHashMap<>();
    private final Map<String, Double> ceilings = new LinkedHashMap<>();
    private final Map<String, Double> heapPerConnection = new LinkedHashMap<>();

    IngestBenchmark(Map<String, String> options, PrintStream out) throws Exception {
        this.options = options;
        this.out = out;
        this.work = Path.of(options.getOrDefault("--work", "benchmarks/target/run"));
        Files.createDirectories(work);
        this.warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup", "5")));
        this.measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--measure", "15")));
        this.fleetSizes = Arrays.stream(options.getOrDefault("--devices", "1,100,10000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        this.maxDevices = fleetSizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        this.fixedRate = Double.parseDouble(options.getOrDefault("--fixed-rate", "10000"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        new IngestBenchmark(options, System.out).run();
        System.exit(0);
    }

    void run() throws Exception {
        List<String> targets = List.of(options.getOrDefault("--targets", "mosquitto,h2,postgres,bare").split(","));
        if (targets.contains("mosquitto")) {
            String[] hostPort = options.getOrDefault("--mosquitto", "127.0.0.1:1883").split(":");
            brokerRuns("Mosquitto", hostPort[0], Integer.parseInt(hostPort[1]), null);
        }
        if (targets.contains("h2")) {
            Path dataDir = work.resolve("h2-" + UUID.randomUUID());
            try (ServerProcess server = new ServerProcess(java(), SERVER_HEAP, work.resolve("server-h2.log"), "h2",
                    dataDir.toString(), String.valueOf(maxDevices), String.valueOf(SEED))) {
                brokerRuns("SmartConnect H2", "127.0.0.1", server.port, server);
            }
            Path ceilingDir = work.resolve("h2-ceiling-" + UUID.randomUUID());
            String url = Configuration.from(Map.of("SMARTCONNECT_DATA_DIR", ceilingDir.toString())).jdbcUrl();
            ceiling("H2", url);
        }
        if (targets.contains("postgres")) {
            String base = options.getOrDefault("--postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(base, "CREATE SCHEMA " + schema);
            log("PostgreSQL synchronous_commit = " + query(base, "SHOW synchronous_commit"));
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try {
                try (ServerProcess server = new ServerProcess(java(), SERVER_HEAP, work.resolve("server-pg.log"),
                        "postgres", url, String.valueOf(maxDevices), String.valueOf(SEED))) {
                    brokerRuns("SmartConnect PostgreSQL", "127.0.0.1", server.port, server);
                }
                execute(url, "TRUNCATE device_event");
                ceiling("PostgreSQL", url);
            } finally {
                execute(base, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (targets.contains("bare")) {
            try (ServerProcess server = new ServerProcess(java(), SERVER_HEAP, work.resolve("server-bare.log"),
                    "bare")) {
                heapOnly("bare Vert.x MQTT server", server);
            }
        }
        summary();
    }

    /** Heap first (idle fleet of the largest size), then throughput and fixed load per fleet size, largest first. */
    private void brokerRuns(String target, String host, int port, ServerProcess server) throws Exception {
        List<Integer> sizes = fleetSizes.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        for (int devices : sizes) {
            long heapBefore = devices == maxDevices && server != null ? server.usedHeap() : 0;
            int window = devices == 1 ? 64 : devices <= 100 ? 8 : 1;
            FleetSettings settings = FleetSettings.of(host, port, devices).withSeed(SEED)
                    .withEventsInFlightPerDevice(window).withStatusInterval(Duration.ofSeconds(60))
                    .withConnectsAtOnce(200);
            try (Fleet fleet = new Fleet(settings)) {
                long started = System.nanoTime();
                int connected = fleet.connect(Duration.ofMinutes(3));
                log(String.format(Locale.ROOT, "%s: %d of %d devices connected in %.1f s", target, connected, devices,
                        (System.nanoTime() - started) / 1e9));
                if (devices == maxDevices && server != null) {
                    Thread.sleep(2_000);
                    long heapAfter = server.usedHeap();
                    double perConnection = (heapAfter - heapBefore) / (double) connected;
                    heapPerConnection.put(target, perConnection);
                    log(String.format(Locale.ROOT, "%s: heap %d -> %d bytes: %.0f bytes per idle connection", target,
                            heapBefore, heapAfter, perConnection));
                }
                FleetStatistics statistics = fleet.statistics();
                fleet.sendClosedLoop();
                Thread.sleep(warmup.toMillis());
                statistics.resetLatencies();
                long failuresBefore = statistics.failures();
                long before = statistics.eventsAcknowledged();
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                long after = statistics.eventsAcknowledged();
                double seconds = (System.nanoTime() - t0) / 1e9;
                double p50 = statistics.eventLatency().percentileMillis(50);
                double p99 = statistics.eventLatency().percentileMillis(99);
                fleet.stopSending();
                fleet.awaitQuiet(Duration.ofSeconds(60));
                Throughput row = new Throughput(target, connected, window, (after - before) / seconds, p50, p99,
                        statistics.failures() - failuresBefore + statistics.connectionsLost());
                throughputs.add(row);
                log(String.format(Locale.ROOT, "%s, %d devices (window %d): %.0f events/s, p50 %.2f ms, p99 %.2f ms",
                        target, connected, window, row.eventsPerSecond(), p50, p99));
                if (devices == maxDevices && fixedRate > 0) {
                    statistics.resetLatencies();
                    long sentBefore = statistics.eventsSent();
                    long notSent = fleet.sendAtRate(fixedRate, measure);
                    fleet.awaitQuiet(Duration.ofSeconds(60));
                    double offered = (statistics.eventsSent() - sentBefore + notSent) / (double) measure.toSeconds();
                    double[] figures = {offered, statistics.eventLatency().percentileMillis(50),
                        statistics.eventLatency().percentileMillis(99), notSent};
                    fixedLoad.put(target, figures);
                    log(String.format(Locale.ROOT, "%s at %.0f events/s offered over %d devices: p50 %.2f ms, "
                            + "p99 %.2f ms, %d not sent (window full)", target, offered, connected, figures[1],
                            figures[2], notSent));
                }
            }
            Thread.sleep(1_000);
        }
    }

    private void heapOnly(String target, ServerProcess server) throws Exception {
        long before = server.usedHeap();
        FleetSettings settings = FleetSettings.of("127.0.0.1", server.port, maxDevices).withSeed(SEED)
                .withConnectsAtOnce(200);
        try (Fleet fleet = new Fleet(settings)) {
            int connected = fleet.connect(Duration.ofMinutes(3));
            Thread.sleep(2_000);
            long after = server.usedHeap();
            double perConnection = (after - before) / (double) connected;
            heapPerConnection.put(target, perConnection);
            log(String.format(Locale.ROOT, "%s: %d devices connected; heap %d -> %d bytes: %.0f bytes per connection",
                    target, connected, before, after, perConnection));
        }
    }

    private void ceiling(String database, String url) throws Exception {
        List<String> productIds = DeviceIdentity.fleet(SEED, maxDevices).stream().map(DeviceIdentity::productId)
                .toList();
        try (HikariDataSource pool = PooledDataSource.create(url, null, null, StorageCeiling.CONNECTIONS + 1)) {
            try (SmartConnect migrated = SmartConnect.builder().configuration(Configuration.from(Map.of(
                            "SMARTCONNECT_DATA_DIR", work.toString(), "SMARTCONNECT_HTTP_PORT", "-1",
                            "SMARTCONNECT_MQTT_PORT", "-1", "SMARTCONNECT_SECRET_KEY",
                            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")))
                    .dataSource(pool).mailTransport(message -> { }).start()) {
                migrated.importCatalog().importCatalog(
                        new ImportCatalogCommand(CatalogFile.text(DeviceIdentity.fleet(SEED, maxDevices))));
                double rows = StorageCeiling.rowsPerSecond(pool, productIds, warmup, measure);
                ceilings.put(database, rows);
                log(String.format(Locale.ROOT, "storage ceiling %s: %.0f rows/s (%d connections, %d-row INSERTs)",
                        database, rows, StorageCeiling.CONNECTIONS, StorageCeiling.ROWS_PER_INSERT));
            }
        }
    }

    private void summary() throws Exception {
        report.append("\n## Results\n\n| broker | devices | events in flight per device | events/s acknowledged | "
                + "p50 ms | p99 ms | failures |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Throughput t : throughputs) {
            report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %d |%n", t.target(),
                    t.devices(), t.window(), t.eventsPerSecond(), t.p50(), t.p99(), t.failures()));
        }
        report.append("\n| fixed offered load | offered events/s | p50 ms | p99 ms | not sent (window full) |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n");
        fixedLoad.forEach((target, f) -> report.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.0f |%n",
                target, f[0], f[1], f[2], f[3])));
        report.append("\n| storage ceiling (4 connections, 100-row INSERTs) | rows/s |\n| --- | ---: |\n");
        ceilings.forEach((db, rows) -> report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", db, rows)));
        report.append("\n| heap per idle connection at " + maxDevices + " devices | bytes |\n| --- | ---: |\n");
        heapPerConnection.forEach((target, bytes) -> report.append(String.format(Locale.ROOT, "| %s | %.0f |%n",
                target, bytes)));
        report.append("\n### Ratios\n\n");
        for (Throughput t : throughputs) {
            if (t.target().startsWith("SmartConnect")) {
                String db = t.target().substring("SmartConnect ".length());
                double mosquitto = throughputs.stream().filter(m -> m.target().equals("Mosquitto")
                        && m.devices() == t.devices()).mapToDouble(Throughput::eventsPerSecond).findFirst().orElse(0);
                Double ceiling = ceilings.get(db);
                report.append(String.format(Locale.ROOT, "- %s, %d devices: %.2fx Mosquitto, %s the storage ceiling%n",
                        t.target(), t.devices(), mosquitto == 0 ? 0 : t.eventsPerSecond() / mosquitto,
                        ceiling == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", t.eventsPerSecond() / ceiling)));
            }
        }
        Double bare = heapPerConnection.get("bare Vert.x MQTT server");
        heapPerConnection.forEach((target, bytes) -> {
            if (bare != null && !target.startsWith("bare")) {
                report.append(String.format(Locale.ROOT, "- heap per connection, %s: %.2fx the bare server%n", target,
                        bytes / bare));
            }
        });
        out.println(report);
        Path file = Path.of(options.getOrDefault("--out", work.resolve("results.md").toString()));
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        out.println("Written to " + file);
    }

    private void log(String line) {
        out.println(line);
        out.flush();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : "";
        }
    }
}
