package com.smartconnect.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar simulator/target/smartconnect-simulator.jar [options]}: runs simulated SmartConnect UPSes against
 * our endpoint or any MQTT broker, or writes the catalog file of the devices it simulates. See {@link #USAGE}.
 */
public final class SimulatorMain {

    static final String USAGE = """
            Usage: java -jar smartconnect-simulator.jar [options]
              --host HOST              broker host (127.0.0.1)
              --port PORT              broker port (1883)
              --tls                    connect with TLS (ssl://); the JVM's trust store checks the server
              --insecure-tls           with --tls, accept any server certificate (self-signed test certificates)
              --devices N              how many devices (10)
              --first N                number of the first device (0): run parts of one fleet in several processes
              --seed S                 the seed their Product IDs, keys and secrets derive from (1)
              --events-per-second R    events of the whole fleet per second, spread over the devices (1);
                                       0 for none, max for as fast as the broker acknowledges
              --in-flight W            unacknowledged events per device at most (1; up to 120)
              --status-seconds S       each device's status interval (60)
              --duration S             seconds to run, then disconnect (0: until Ctrl-C)
              --write-catalog FILE     write the catalog CSV of these devices and exit (then, on the server:
                                       java -jar smartconnect.jar catalog import FILE)
            """;
    private static final Set<String> FLAGS = Set.of("--tls", "--insecure-tls");

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Map<String, String> options;
        FleetSettings settings;
        String rate;
        long seconds;
        try {
            options = parse(args);
            settings = new FleetSettings(options.getOrDefault("--host", "127.0.0.1"),
                    Integer.parseInt(options.getOrDefault("--port", "1883")), options.containsKey("--tls"),
                    options.containsKey("--insecure-tls"), Long.parseLong(options.getOrDefault("--seed", "1")),
                    Integer.parseInt(options.getOrDefault("--first", "0")),
                    Integer.parseInt(options.getOrDefault("--devices", "10")),
                    Integer.parseInt(options.getOrDefault("--in-flight", "1")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("--status-seconds", "60"))),
                    Duration.ofSeconds(60), 100);
            rate = options.getOrDefault("--events-per-second", "1");
            if (!rate.equals("max")) {
                Double.parseDouble(rate);
            }
            seconds = Long.parseLong(options.getOrDefault("--duration", "0"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.containsKey("--write-catalog")) {
            Path file = Path.of(options.get("--write-catalog"));
            CatalogFile.write(file, DeviceIdentity.fleet(settings.seed(), settings.firstDevice() + settings.devices())
                    .subList(settings.firstDevice(), settings.firstDevice() + settings.devices()));
            out.println("Wrote " + settings.devices() + " devices to " + file);
            return 0;
        }
        try (Fleet fleet = new Fleet(settings)) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fleet.stopSending();
                stopped.countDown();
            }, "simulator-shutdown"));
            long started = System.nanoTime();
            int connected = fleet.connect(Duration.ofMinutes(5));
            out.printf("%d of %d devices connected to %s in %.1f s%n", connected, settings.devices(),
                    settings.serverUri(), (System.nanoTime() - started) / 1e9);
            out.println(EndpointProbe.run(settings, connected, mqttPortFile()).line());
            Thread reporter = Thread.ofPlatform().daemon().start(() -> report(fleet, out));
            Duration duration = seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ofDays(365);
            if (rate.equals("max")) {
                fleet.sendClosedLoop();
                stopped.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                fleet.stopSending();
            } else {
                long notSent = fleet.sendAtRate(Double.parseDouble(rate), duration);
                if (notSent > 0) {
                    out.println(notSent + " events were not sent: the devices' windows were full");
                }
            }
            fleet.awaitQuiet(Duration.ofSeconds(10));
            reporter.interrupt();
            summary(fleet, out);
            return connected == settings.devices() ? 0 : 1;
        }
    }

    /** Where {@code ./smartconnect run} keeps the MQTT port it chose when another broker holds 1883. */
    static Path mqttPortFile() {
        String dataDir = System.getenv("SMARTCONNECT_DATA_DIR");
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir, "mqtt-port");
    }

    private static void report(Fleet fleet, PrintStream out) {
        long last = 0;
        try {
            while (true) {
                Thread.sleep(10_000);
                long acknowledged = fleet.statistics().eventsAcknowledged();
                out.printf("%.0f events/s acknowledged; p50 %.2f ms, p99 %.2f ms%n", (acknowledged - last) / 10.0,
                        fleet.statistics().eventLatency().percentileMillis(50),
                        fleet.statistics().eventLatency().percentileMillis(99));
                last = acknowledged;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void summary(Fleet fleet, PrintStream out) {
        FleetStatistics s = fleet.statistics();
        out.printf("events sent %d, acknowledged %d (p50 %.2f ms, p99 %.2f ms); statuses %d; commands %d, answered %d; "
                        + "failures %d, connections lost %d%n", s.eventsSent(), s.eventsAcknowledged(),
                s.eventLatency().percentileMillis(50), s.eventLatency().percentileMillis(99), s.statusesSent(),
                s.commandsReceived(), s.commandsAnswered(), s.failures(), s.connectionsLost());
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (name.startsWith("--") && USAGE.contains(name + " ") && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option: " + name);
            }
        }
        return options;
    }
}
