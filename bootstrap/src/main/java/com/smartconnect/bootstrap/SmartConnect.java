package com.smartconnect.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.smartconnect.adapters.mail.MailDispatcher;
import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.adapters.mqtt.DeviceEndpoint;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.adapters.persistence.PooledDataSource;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.adapters.web.WebMetrics;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.device.StatusHistoryRecorder;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One SmartConnect instance: the use cases over a database, the mail dispatcher, the HTTP API and the MQTT
 * device endpoint. Built with {@link #builder()}, so an application can embed it with its own
 * {@link DataSource}, mail transport and {@link Clock}; {@code main} runs the same thing standalone.
 *
 * <pre>{@code
 * try (SmartConnect smartConnect = SmartConnect.builder()
 *         .configuration(Configuration.fromEnvironment())
 *         .dataSource(myDataSource)
 *         .start()) {
 *     smartConnect.signUp().signUp(command);
 * }
 * }</pre>
 */
public final class SmartConnect implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmartConnect.class.getName());
    private static final Duration MAIL_POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HISTORY_WRITES = Duration.ofMinutes(1);

    private final Configuration configuration;
    private final Injector injector;
    private final Vertx vertx;
    /** What to close on shutdown, last opened first. */
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private OptionalInt httpPort = OptionalInt.empty();
    private OptionalInt mqttPort = OptionalInt.empty();
    private boolean closed;
    /** The scheduled jobs this instance runs. */
    private final List<Job> jobs;
    private Router router;
    /** Which database and mail transport are in use, for the start-up line. */
    private final String databaseInUse;
    private final String mailInUse;

    SmartConnect(SmartConnectBuilder builder) {
        this.configuration = builder.configuration.orElseGet(Configuration::fromEnvironment);
        this.databaseInUse = StartupSummary.database(configuration, builder.dataSource.isPresent());
        this.mailInUse = StartupSummary.mail(configuration, builder.mailTransport.isPresent());
        try {
            DataSource dataSource = builder.dataSource.orElseGet(this::ownPool);
            if (builder.vertx.isPresent()) {
                // The host's Vert.x: ours are only the verticles deployed on it, which close() undeploys.
                this.vertx = builder.vertx.get();
            } else {
                Vertx own = WebMetrics.vertx(new VertxOptions());
                closeables.push(() -> await(own.close()));
                this.vertx = own;
            }
            ConnectionBudget budget = ConnectionBudget.ofThisProcess(configuration);
            LOG.log(Level.INFO, "Connections: {0}; HTTP connections idle for {1} s are closed; {2} label photos "
                    + "decoded at once, {3} per account", budget, configuration.limits().httpIdleTimeout().toSeconds(),
                    configuration.limits().effectiveLabelPhotoDecodes(),
                    configuration.limits().labelPhotoDecodesPerAccount());
            this.injector = Guice.createInjector(Stage.PRODUCTION,
                    new SmartConnectModule(builder.clock, builder.passwordHasher.orElseGet(Argon2PasswordHasher::new),
                            builder.secretKey.orElseGet(() -> SecretKeyFile.resolve(configuration, builder.dataSource.isPresent())),
                            configuration),
                    new PersistenceModule(dataSource),
                    new MailModule(configuration, builder.mailTransport),
                    new WebModule(configuration, budget, vertx, builder.captcha),
                    new MqttModule(configuration, budget));
            this.jobs = chosen(injector.getInstance(Key.get(new TypeLiteral<Set<Job>>() { })), builder.jobs);
            WebMetrics.exposeDeviceCounters(vertx, injector.getInstance(DeviceMessageCounters.class));
        } catch (RuntimeException e) {
            // Vert.x threads and the pool would outlive a failed build and keep an embedding application alive.
            close();
            throw e;
        }
    }

    private DataSource ownPool() {
        if (configuration.dbUrl().isEmpty()) {
            try {
                Files.createDirectories(configuration.dataDir());
            } catch (IOException e) {
                throw new Configuration.InvalidConfiguration(
                        "cannot create the data folder " + configuration.dataDir() + ": " + e.getMessage());
            }
        }
        var pool = PooledDataSource.create(configuration.jdbcUrl(), configuration.dbUser().orElse(""),
                configuration.dbPassword().orElse(""), configuration.dbPoolSize());
        closeables.push(pool);
        return pool;
    }

    private static List<Job> chosen(Set<Job> all, Optional<Set<String>> names) {
        List<Job> sorted = all.stream().sorted(Comparator.comparing(Job::name)).toList();
        if (names.isEmpty()) {
            return sorted;
        }
        Set<String> known = sorted.stream().map(Job::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(names.get());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no scheduled job is called " + String.join(", ", unknown)
                    + "; the jobs are " + String.join(", ", known));
        }
        return sorted.stream().filter(job -> names.get().contains(job.name())).toList();
    }

    /**
     * The HTTP API as a router the host mounts under its own, for example
     * {@code hostRouter.route("/ups/*").subRouter(smartConnect.router())}; besides the port of its own
     * ({@code SMARTCONNECT_HTTP_PORT}, {@code -1} for none). Its handlers run on virtual threads of their own, so
     * the host's server may call it from an event loop. Made once, on first call; {@link #close()} undeploys it.
     */
    public synchronized Router router() {
        if (router == null) {
            HttpApi api = injector.getInstance(HttpApi.class);
            router = await(api.router(vertx));
            closeables.push(() -> await(api.stop(Duration.ZERO)));
        }
        return router;
    }

    public static SmartConnectBuilder builder() {
        return new SmartConnectBuilder();
    }

    /** Migrates the database, then starts mail delivery, the HTTP API and the MQTT endpoint. */
    public SmartConnect start() {
        try {
            injector.getInstance(Database.class);
            // The status history's five-minute buckets the ingest holds in memory: those that are over written every
            // minute, all of them at shutdown, once the MQTT endpoint has stored its last batch (closed after it).
            StatusHistoryRecorder history = injector.getInstance(StatusHistoryRecorder.class);
            closeables.push(history::flushAll);
            closeables.push(new PeriodicJob("status-history-writes", HISTORY_WRITES, () -> {
                history.flushClosed();
                return 0;
            }, "status history buckets written"));
            MailDispatcher dispatcher = injector.getInstance(MailDispatcher.class);
            dispatcher.start(MAIL_POLL_INTERVAL);
            closeables.push(dispatcher);
            for (Job job : jobs) {
                closeables.push(new PeriodicJob(job.name(), job.cadence(), job::runDue, job.counts()));
            }
            if (configuration.mqttPort() >= 0) {
                DeviceEndpoint devices = injector.getInstance(DeviceEndpoint.class);
                mqttPort = OptionalInt.of(listen(devices.start(vertx), "MQTT device endpoint",
                        Configuration.Key.SMARTCONNECT_MQTT_PORT, configuration.mqttPort()));
                closeables.push(() -> await(devices.stop()));
            }
            if (configuration.httpPort() >= 0) {
                HttpApi http = injector.getInstance(HttpApi.class);
                httpPort = OptionalInt.of(listen(http.start(vertx), "HTTP API", Configuration.Key.SMARTCONNECT_HTTP_PORT,
                        configuration.httpPort()));
                closeables.push(() -> await(http.stop(configuration.shutdownGrace())));
            }
            LOG.log(Level.INFO, "SmartConnect is up: {0}, {1}; {2}; {3}",
                    httpPort.isPresent() ? "HTTP on port " + httpPort.getAsInt() : "HTTP off",
                    mqttPort.isPresent() ? "MQTT on port " + mqttPort.getAsInt() : "MQTT off",
                    databaseInUse, mailInUse);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Sign-up, sessions, two-factor authentication, the profile, co-workers and deleting an account. */
    public Accounts accounts() {
        return Accounts.of(injector);
    }

    /** The catalog, registering UPSes, what owners read and change, and the device side of MQTT. */
    public Devices devices() {
        return Devices.of(injector);
    }

    /** Email Event Notifications. */
    public Notifications notifications() {
        return Notifications.of(injector);
    }

    /** A customer's reseller, and the lifecycle reminders to resellers. */
    public Resellers resellers() {
        return Resellers.of(injector);
    }

    /** The plans of devices. */
    public Plans plans() {
        return Plans.of(injector);
    }

    /**
     * The scheduled jobs this instance runs (see {@link SmartConnectBuilder#jobs(String...)}), for a host that also
     * wants to run a pass itself; each pass does only what is due.
     */
    public List<Job> jobs() {
        return jobs;
    }

    /** The port the HTTP API listens on, once started; empty if it is turned off. */
    public OptionalInt httpPort() {
        return httpPort;
    }

    /** The port of the MQTT device endpoint, if it runs. */
    public OptionalInt mqttPort() {
        return mqttPort;
    }

    /**
     * Stops gracefully: the HTTP API stops accepting and finishes the requests in flight, mail delivery finishes
     * its pass, then Vert.x and the connection pool close.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "while shutting down", e);
            }
        }
    }

    /** Waits for a listener to bind; a port in use is a configuration problem, said in words that say what to do. */
    private static int listen(Future<Integer> binding, String what, Configuration.Key setting, int port) {
        try {
            return await(binding);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new Configuration.InvalidConfiguration("the " + what + " cannot listen on port " + port
                        + ": it is in use by another program. Set " + setting + " to a free port (0 picks one)"
                        + (setting == Configuration.Key.SMARTCONNECT_MQTT_PORT ? ", or -1 to turn it off" : "") + ".");
            }
            throw e;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + START_TIMEOUT, e);
        }
    }
}
