package com.smartconnect.benchmarks;

import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.bootstrap.Configuration;
import com.smartconnect.bootstrap.SmartConnect;
import com.smartconnect.simulator.CatalogFile;
import com.smartconnect.simulator.DeviceIdentity;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of the benchmark, in a process of its own so its heap and CPU are its own: either SmartConnect
 * (the real server: the catalog of the benchmark's devices imported, MQTT on a free port, HTTP off) on an H2 file
 * database or on a PostgreSQL schema, or a bare Vert.x MQTT server that only accepts connections (the reference for
 * heap per connection). It prints {@code READY port}, then answers lines on its standard input: {@code heap} (used
 * heap after full collections, {@code HEAP bytes}), {@code quit}, and for SmartConnect {@code notifications on} or
 * {@code notifications off} (the first time, every device of the catalog is registered for Event Notifications, see
 * {@link NotificationSetup}; then the UPS profiles' switch is set and the throttles made fresh; {@code NOTIFICATIONS
 * on|off}) and {@code mails} (the notification mails and alerts in the outbox, those of them not settled yet, and the
 * devices whose notifications are disabled: {@code MAILS notifications alerts pending disabled}).
 *
 * <pre>
 * java -cp smartconnect-benchmarks.jar com.smartconnect.benchmarks.BenchmarkServer bare
 * java -cp ... BenchmarkServer h2 DATA_DIR DEVICES SEED
 * java -cp ... BenchmarkServer postgres JDBC_URL DEVICES SEED
 * </pre>
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        PrintStream out = System.out;
        AutoCloseable server;
        HikariDataSource dataSource = null;
        int port;
        if (args[0].equals("bare")) {
            Vertx vertx = Vertx.vertx();
            AtomicInteger connections = new AtomicInteger();
            MqttServer mqtt = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0));
            mqtt.endpointHandler(endpoint -> {
                connections.incrementAndGet();
                endpoint.publishHandler(message -> {
                    if (message.qosLevel().value() == 1) {
                        endpoint.publishAcknowledge(message.messageId());
                    }
                });
                endpoint.subscribeHandler(subscribe -> endpoint.subscribeAcknowledge(subscribe.messageId(),
                        subscribe.topicSubscriptions().stream().map(s -> s.qualityOfService()).toList()));
                endpoint.closeHandler(v -> connections.decrementAndGet());
                endpoint.accept(false);
            });
            port = mqtt.listen().await().actualPort();
            server = () -> vertx.close().await();
        } else {
            Path dataDir = Path.of(args[0].equals("h2") ? args[1] : System.getProperty("java.io.tmpdir"));
            Map<String, String> environment = new HashMap<>(Map.of("SMARTCONNECT_DATA_DIR", dataDir.toString(),
                    "SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "0", "SMARTCONNECT_HTTP_HOST",
                    "127.0.0.1", "SMARTCONNECT_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
            // The status history's switch of the run (0 days: off), as the standalone server reads it.
            String historyDays = System.getenv("SMARTCONNECT_STATUS_HISTORY_DAYS");
            if (historyDays != null) {
                environment.put("SMARTCONNECT_STATUS_HISTORY_DAYS", historyDays);
            }
            Configuration configuration = Configuration.from(environment);
            // The pool is made here (for H2 as SmartConnect would make its own: same URL, same size), so that the
            // benchmark can prepare the devices for Event Notifications in the server's database.
            HikariDataSource pool;
            if (args[0].equals("postgres")) {
                pool = PooledDataSource.create(args[1], null, null, configuration.dbPoolSize());
            } else {
                Files.createDirectories(dataDir);
                pool = PooledDataSource.create(configuration.jdbcUrl(), configuration.dbUser().orElse(""),
                        configuration.dbPassword().orElse(""), configuration.dbPoolSize());
            }
            SmartConnect smartConnect = SmartConnect.builder().configuration(configuration).dataSource(pool)
                    .mailTransport(message -> { }).start();
            int devices = Integer.parseInt(args[2]);
            long seed = Long.parseLong(args[3]);
            smartConnect.devices().importCatalog().importCatalog(
                    new ImportCatalogCommand(CatalogFile.text(DeviceIdentity.fleet(seed, devices))));
            port = smartConnect.mqttPort().getAsInt();
            dataSource = pool;
            server = () -> {
                smartConnect.close();
                pool.close();
            };
        }
        out.println("READY " + port);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        boolean registered = false;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            if (line.equals("heap")) {
                out.println("HEAP " + usedHeapAfterCollection());
                out.flush();
            } else if (line.startsWith("notifications ") && dataSource != null) {
                if (!registered) {
                    long started = System.nanoTime();
                    int devices = NotificationSetup.registerAll(dataSource);
                    out.printf(Locale.ROOT, "%d devices registered for notifications in %.1f s%n", devices,
                            (System.nanoTime() - started) / 1e9);
                    registered = true;
                }
                boolean on = line.equals("notifications on");
                NotificationSetup.switchTo(dataSource, on);
                out.println("NOTIFICATIONS " + (on ? "on" : "off"));
                out.flush();
            } else if (line.equals("mails") && dataSource != null) {
                out.println("MAILS " + NotificationSetup.counts(dataSource).line());
                out.flush();
            }
        }
        server.close();
        out.println("STOPPED");
        out.flush();
        System.exit(0);
    }

    static long usedHeapAfterCollection() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
