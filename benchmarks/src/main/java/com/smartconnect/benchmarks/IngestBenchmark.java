package com.smartconnect.benchmarks;

import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.domain.notification.NotificationThrottle;
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
 * --targets mosquitto,h2,postgres,bare --notifications on,off --notifications-at 1,100 --postgres JDBC_URL
 * --mosquitto HOST:PORT --out FILE --work DIR}. With {@code --notifications on,off} (the default) SmartConnect's
 * devices are registered for Event Notifications (every event matching, see {@link NotificationSetup}) and the
 * SmartConnect figures at the fleet sizes of {@code --notifications-at} are measured with them on and off on the same
 * connected fleet, those at the other sizes with them off only (with 10,000 devices and notifications on, the H2
 * server ran out of heap: see BENCHMARKS.md); {@code none} leaves the devices unregistered.
 * <p>The targets {@code h2-history} and {@code postgres-history} measure the status rate (a closed loop of statuses,
 * QoS 1, acknowledged once stored) with the status history on ({@code SMARTCONNECT_STATUS_HISTORY_DAYS=90}) and off
 * ({@code 0}): two servers, each with its database and a fleet of {@code --history-devices} devices (100), running at
 * once; after a warm-up window of each (not counted), {@code --history-pairs} pairs (10) of measurement windows, the
 * fleets taking turns, on first in odd pairs and off first in even ones, so that a drift of the machine's load weighs
 * on both; the report gives each pair's ratio, that of the sums and the median of the pairs' ratios.
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
    /** "on", "off", or "" (none: the devices are not registered, so no notification is looked up). */
    private final List<String> notificationModes;
    /** The fleet sizes measured in every mode of {@link #notificationModes}; the others with notifications off only. */
    private final List<Integer> notificationsAt;
    private final StringBuilder report = new StringBuilder();

    /**
     * One closed-loop figure; {@code notifications} is "on" or "off" for SmartConnect with its devices registered for
     * Event Notifications, empty otherwise, and then {@code mails} is null.
     */
    record Throughput(String target, String notifications, int devices, int window, double eventsPerSecond,
            double p50, double p99, long failures, NotificationSetup.Counts mails) {
    }

    private final List<Throughput> throughputs = new ArrayList<>();

    /** One closed loop of statuses, with the status history on or off. */
    record HistoryRun(String database, int pair, String history, int devices, double statusesPerSecond, double p50,
            double p99, long failures, long statuses, double serverCpuMillis) {

        /** The server's CPU time per 1,000 statuses acknowledged in the window. */
        double cpuPerThousand() {
            return statuses == 0 ? Double.NaN : serverCpuMillis * 1000 / statuses;
        }
    }

    private final List<HistoryRun> historyRuns = new ArrayList<>();
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
        this.notificationModes = Arrays.stream(options.getOrDefault("--notifications", "on,off").split(","))
                .map(String::strip).map(mode -> switch (mode) {
                    case "on", "off" -> mode;
                    case "none" -> "";
                    default -> throw new IllegalArgumentException("--notifications takes on, off or none: " + mode);
                }).distinct().toList();
        this.notificationsAt = Arrays.stream(options.getOrDefault("--notifications-at", "1,100").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
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
        if (targets.contains("h2-history")) {
            historyPairs("H2");
        }
        if (targets.contains("postgres-history")) {
            historyPairs("PostgreSQL");
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
        boolean smartConnect = server != null && target.startsWith("SmartConnect");
        for (int devices : sizes) {
            // Off only where on is not asked for: registered devices, the same lookup, no delivery.
            List<String> modes = !smartConnect ? List.of("")
                    : notificationsAt.contains(devices) || !notificationModes.contains("off") ? notificationModes
                    : List.of("off");
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
                for (String mode : modes) {
                    NotificationSetup.Counts mailsBefore = null;
                    if (!mode.isEmpty()) {
                        server.notifications(mode.equals("on"));
                        mailsBefore = server.mails();
                    }
                    fleet.sendClosedLoop();
                    Thread.sleep(warmup.toMillis());
                    statistics.resetLatencies();
                    long failuresBefore = statistics.failures();
                    long lostBefore = statistics.connectionsLost();
                    long before = statistics.eventsAcknowledged();
                    long t0 = System.nanoTime();
                    Thread.sleep(measure.toMillis());
                    long after = statistics.eventsAcknowledged();
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double p50 = statistics.eventLatency().percentileMillis(50);
                    double p99 = statistics.eventLatency().percentileMillis(99);
                    fleet.stopSending();
                    fleet.awaitQuiet(Duration.ofSeconds(60));
                    NotificationSetup.Counts mails = null;
                    if (mailsBefore != null) {
                        NotificationSetup.Counts mailsAfter = server.mails();
                        mails = new NotificationSetup.Counts(
                                mailsAfter.notifications() - mailsBefore.notifications(),
                                mailsAfter.disabledAlerts() - mailsBefore.disabledAlerts(), mailsAfter.pending(),
                                mailsAfter.devicesDisabled());
                    }
                    Throughput row = new Throughput(target, mode, connected, window, (after - before) / seconds, p50,
                            p99, statistics.failures() - failuresBefore + statistics.connectionsLost() - lostBefore,
                            mails);
                    throughputs.add(row);
                    log(String.format(Locale.ROOT, "%s%s, %d devices (window %d): %.0f events/s, p50 %.2f ms, "
                            + "p99 %.2f ms%s", target, mode.isEmpty() ? "" : ", notifications " + mode, connected,
                            window, row.eventsPerSecond(), p50, p99, mails == null ? "" : String.format(Locale.ROOT,
                            "; queued %d notification mails and %d disabled alerts, %d devices disabled, %d mails "
                            + "not settled yet", mails.notifications(), mails.disabledAlerts(),
                            mails.devicesDisabled(), mails.pending())));
                    if (devices == maxDevices && fixedRate > 0) {
                        // A warm-up at the offered rate first, as for the sustained rate: the latencies of the
                        // steady state are measured, not those of the change from the closed loop to the open one.
                        fleet.sendAtRate(fixedRate, warmup);
                        statistics.resetLatencies();
                        long sentBefore = statistics.eventsSent();
                        long notSent = fleet.sendAtRate(fixedRate, measure);
                        fleet.awaitQuiet(Duration.ofSeconds(60));
                        double offered = (statistics.eventsSent() - sentBefore + notSent)
                                / (double) measure.toSeconds();
                        double[] figures = {offered, statistics.eventLatency().percentileMillis(50),
                            statistics.eventLatency().percentileMillis(99), notSent};
                        String label = target + (mode.isEmpty() ? "" : ", notifications " + mode);
                        fixedLoad.put(label, figures);
                        log(String.format(Locale.ROOT, "%s at %.0f events/s offered over %d devices: p50 %.2f ms, "
                                + "p99 %.2f ms, %d not sent (window full)", label, offered, connected, figures[1],
                                figures[2], notSent));
                        log(label + ": slowest acknowledgements by tenth of a second of the measurement: "
                                + statistics.slowestTicks(8).stream().map(tick -> String.format(Locale.ROOT,
                                        "%.0f ms at %.1f s", tick.slowestMillis(), tick.secondsAfterReset()))
                                        .collect(java.util.stream.Collectors.joining(", ")));
                    }
                }
                if (modes.getLast().equals("on")) {
                    // So that the fleet's disconnecting makes no notifications.
                    server.notifications(false);
                }
            }
            Thread.sleep(1_000);
        }
    }

    /**
     * Both servers (history on and off) run at once, each with its own fleet connected; the fleets take turns, one
     * measurement window at a time, so that the two windows of a pair are seconds apart and a change of the machine's
     * load weighs on both (with a fresh server per run, as until 7 December 12:00, the runs of a pair were a minute
     * apart, and the load of the shared machine moved the figures by up to 4x between them).
     */
    private void historyPairs(String database) throws Exception {
        int pairs = Integer.parseInt(options.getOrDefault("--history-pairs", "10"));
        int devices = Integer.parseInt(options.getOrDefault("--history-devices", "100"));
        String base = options.getOrDefault("--postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        List<String> schemas = new ArrayList<>();
        try (ServerProcess on = historyServer(database, "on", devices, base, schemas);
                ServerProcess off = historyServer(database, "off", devices, base, schemas);
                Fleet onFleet = new Fleet(historySettings(on.port, devices));
                Fleet offFleet = new Fleet(historySettings(off.port, devices))) {
            Map<String, Fleet> fleets = Map.of("on", onFleet, "off", offFleet);
            Map<String, ServerProcess> servers = Map.of("on", on, "off", off);
            Map<String, Integer> connected = Map.of("on", onFleet.connect(Duration.ofMinutes(3)),
                    "off", offFleet.connect(Duration.ofMinutes(3)));
            // A warm-up of each (the servers' and the driver's code compiled), not counted.
            for (String mode : List.of("off", "on")) {
                historyWindow(database, 0, mode, connected.get(mode), fleets.get(mode), servers.get(mode), warmup);
            }
            for (int pair = 1; pair <= pairs; pair++) {
                for (String mode : pair % 2 == 1 ? List.of("on", "off") : List.of("off", "on")) {
                    historyRuns.add(historyWindow(database, pair, mode, connected.get(mode), fleets.get(mode),
                            servers.get(mode), measure));
                }
            }
        } finally {
            for (String schema : schemas) {
                execute(base, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private ServerProcess historyServer(String database, String mode, int devices, String base, List<String> schemas)
            throws Exception {
        Map<String, String> environment = Map.of("SMARTCONNECT_STATUS_HISTORY_DAYS", mode.equals("on") ? "90" : "0");
        Path log = work.resolve("server-history-" + database + "-" + mode + ".log");
        if (database.equals("H2")) {
            return new ServerProcess(java(), SERVER_HEAP, log, environment, "h2",
                    work.resolve("h2-" + UUID.randomUUID()).toString(), String.valueOf(devices), String.valueOf(SEED));
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(base, "CREATE SCHEMA " + schema);
        schemas.add(schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new ServerProcess(java(), SERVER_HEAP, log, environment, "postgres", url, String.valueOf(devices),
                String.valueOf(SEED));
    }

    private static FleetSettings historySettings(int port, int devices) {
        // Statuses only in the closed loop: the periodic status is hourly, so it does not mix in.
        return FleetSettings.of("127.0.0.1", port, devices).withSeed(SEED)
                .withEventsInFlightPerDevice(devices == 1 ? 64 : devices <= 100 ? 8 : 1)
                .withStatusInterval(Duration.ofHours(1)).withConnectsAtOnce(200);
    }

    /** One window of the closed loop of statuses: a second to fill it, then {@code length} measured. */
    private HistoryRun historyWindow(String database, int pair, String mode, int connected, Fleet fleet,
            ServerProcess server, Duration length) throws Exception {
        FleetStatistics statistics = fleet.statistics();
        fleet.sendClosedLoop(true);
        Thread.sleep(1_000);
        statistics.resetLatencies();
        long failuresBefore = statistics.failures();
        long before = statistics.eventsAcknowledged();
        Duration cpuBefore = server.cpu();
        long t0 = System.nanoTime();
        Thread.sleep(length.toMillis());
        long after = statistics.eventsAcknowledged();
        Duration cpuAfter = server.cpu();
        double seconds = (System.nanoTime() - t0) / 1e9;
        HistoryRun run = new HistoryRun(database, pair, mode, connected, (after - before) / seconds,
                statistics.eventLatency().percentileMillis(50), statistics.eventLatency().percentileMillis(99),
                statistics.failures() - failuresBefore, after - before, cpuAfter.minus(cpuBefore).toNanos() / 1e6);
        fleet.stopSending();
        fleet.awaitQuiet(Duration.ofSeconds(60));
        log(String.format(Locale.ROOT, "SmartConnect %s, pair %d%s, status history %s, %d devices: %.0f statuses/s, "
                + "p50 %.2f ms, p99 %.2f ms, %d failures, server CPU %.0f ms per 1,000 statuses", database, pair,
                pair == 0 ? " (warm-up, not counted)" : "", mode, connected, run.statusesPerSecond(), run.p50(),
                run.p99(), run.failures(), run.cpuPerThousand()));
        return run;
    }

    /** Per database, each pair's status rates with the history on and off, their ratio, and that of the sums. */
    private void historyReport() {
        if (historyRuns.isEmpty()) {
            return;
        }
        report.append("\n### Status history on and off (status rate)\n\n| SmartConnect | pair | devices | on: statuses/s "
                + "| p50 ms | p99 ms | off: statuses/s | p50 ms | p99 ms | on / off | server CPU ms per 1,000 statuses, "
                + "on | off |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String database : historyRuns.stream().map(HistoryRun::database).distinct().toList()) {
            double onSum = 0;
            double offSum = 0;
            List<Double> ratios = new ArrayList<>();
            double onCpu = 0;
            double offCpu = 0;
            long onStatuses = 0;
            long offStatuses = 0;
            for (int pair : historyRuns.stream().filter(r -> r.database().equals(database)).mapToInt(HistoryRun::pair)
                    .distinct().toArray()) {
                HistoryRun on = historyRun(database, pair, "on");
                HistoryRun off = historyRun(database, pair, "off");
                onSum += on.statusesPerSecond();
                offSum += off.statusesPerSecond();
                ratios.add(on.statusesPerSecond() / off.statusesPerSecond());
                onCpu += on.serverCpuMillis();
                offCpu += off.serverCpuMillis();
                onStatuses += on.statuses();
                offStatuses += off.statuses();
                report.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | "
                        + "%.2f | %.0f | %.0f |%n", database, pair, on.devices(), on.statusesPerSecond(), on.p50(),
                        on.p99(), off.statusesPerSecond(), off.p50(), off.p99(),
                        on.statusesPerSecond() / off.statusesPerSecond(), on.cpuPerThousand(), off.cpuPerThousand()));
            }
            report.append(String.format(Locale.ROOT, "| %s | sums | | %.0f | | | %.0f | | | %.2f | %.0f | %.0f |%n",
                    database, onSum, offSum, onSum / offSum, onCpu * 1000 / onStatuses, offCpu * 1000 / offStatuses));
            report.append(String.format(Locale.ROOT, "| %s | median of the pairs' ratios | | | | | | | | %.2f | | |%n",
                    database, median(ratios)));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private HistoryRun historyRun(String database, int pair, String mode) {
        return historyRuns.stream().filter(r -> r.database().equals(database) && r.pair() == pair
                && r.history().equals(mode)).findFirst().orElseThrow();
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
                migrated.devices().importCatalog().importCatalog(
                        new ImportCatalogCommand(CatalogFile.text(DeviceIdentity.fleet(SEED, maxDevices))));
                double rows = StorageCeiling.rowsPerSecond(pool, productIds, warmup, measure);
                ceilings.put(database, rows);
                log(String.format(Locale.ROOT, "storage ceiling %s: %.0f rows/s (%d connections, %d-row INSERTs)",
                        database, rows, StorageCeiling.CONNECTIONS, StorageCeiling.ROWS_PER_INSERT));
            }
        }
    }

    private void summary() throws Exception {
        report.append("\n## Results\n\n| broker | notifications | devices | events in flight per device | "
                + "events/s acknowledged | p50 ms | p99 ms | failures |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Throughput t : throughputs) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.0f | %.2f | %.2f | %d |%n", t.target(),
                    t.notifications().isEmpty() ? "-" : t.notifications(), t.devices(), t.window(),
                    t.eventsPerSecond(), t.p50(), t.p99(), t.failures()));
        }
        notificationsReport();
        historyReport();
        if (!fixedLoad.isEmpty()) {
            report.append("\n| fixed offered load | offered events/s | p50 ms | p99 ms | not sent (window full) |\n"
                    + "| --- | ---: | ---: | ---: | ---: |\n");
        }
        fixedLoad.forEach((target, f) -> report.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.0f |%n",
                target, f[0], f[1], f[2], f[3])));
        report.append("\n| storage ceiling (4 connections, 100-row INSERTs) | rows/s |\n| --- | ---: |\n");
        ceilings.forEach((db, rows) -> report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", db, rows)));
        if (!heapPerConnection.isEmpty()) {
            report.append("\n| heap per idle connection at " + maxDevices + " devices | bytes |\n| --- | ---: |\n");
        }
        heapPerConnection.forEach((target, bytes) -> report.append(String.format(Locale.ROOT, "| %s | %.0f |%n",
                target, bytes)));
        report.append("\n### Ratios\n\n");
        for (Throughput t : throughputs) {
            if (t.target().startsWith("SmartConnect")) {
                String db = t.target().substring("SmartConnect ".length());
                double mosquitto = throughputs.stream().filter(m -> m.target().equals("Mosquitto")
                        && m.devices() == t.devices()).mapToDouble(Throughput::eventsPerSecond).findFirst().orElse(0);
                Double ceiling = ceilings.get(db);
                report.append(String.format(Locale.ROOT, "- %s%s, %d devices: %s Mosquitto, %s the storage "
                        + "ceiling%n", t.target(), t.notifications().isEmpty() ? "" : ", notifications "
                        + t.notifications(), t.devices(), mosquitto == 0 ? "n/a"
                                : String.format(Locale.ROOT, "%.2fx", t.eventsPerSecond() / mosquitto),
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

    /**
     * Per database and fleet size, the rates with Event Notifications on and off (same server, same connected fleet,
     * one after the other) and their ratio, with the mails the runs with notifications on queued.
     */
    private void notificationsReport() {
        List<Throughput> on = throughputs.stream().filter(t -> t.notifications().equals("on")).toList();
        if (on.isEmpty()) {
            return;
        }
        report.append("\n### Event notifications on and off\n\n| SmartConnect | devices | on: events/s | p50 ms | "
                + "p99 ms | off: events/s | p50 ms | p99 ms | on / off | notification mails queued (on) | "
                + "disabled alerts (on) | devices disabled (on) | mails not settled yet (after on) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Throughput t : on) {
            Throughput off = throughputs.stream().filter(o -> o.notifications().equals("off")
                    && o.target().equals(t.target()) && o.devices() == t.devices()).findFirst().orElse(null);
            report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %s | %s | %s | %s | %d | %d | "
                    + "%d | %d |%n", t.target().substring("SmartConnect ".length()), t.devices(), t.eventsPerSecond(),
                    t.p50(), t.p99(), off == null ? "n/a" : String.format(Locale.ROOT, "%.0f", off.eventsPerSecond()),
                    off == null ? "n/a" : String.format(Locale.ROOT, "%.2f", off.p50()),
                    off == null ? "n/a" : String.format(Locale.ROOT, "%.2f", off.p99()),
                    off == null || off.eventsPerSecond() == 0 ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", t.eventsPerSecond() / off.eventsPerSecond()),
                    t.mails().notifications(), t.mails().disabledAlerts(), t.mails().devicesDisabled(),
                    t.mails().pending()));
        }
        report.append(String.format(Locale.ROOT, "%nWith notifications on, each device may queue at most %d "
                + "notification mails and then 1 disabled alert per %d minutes; its later events are decided and "
                + "suppressed. Each run with notifications on starts with fresh throttles.%n",
                NotificationThrottle.MAX_IN_WINDOW, NotificationThrottle.WINDOW.toMinutes()));
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
