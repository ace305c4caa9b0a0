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
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.account.invitation.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.account.port.in.ChangePasswordUseCase;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.account.port.in.DeleteAccountUseCase;
import com.smartconnect.application.account.port.in.ProfileQuery;
import com.smartconnect.application.account.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.account.port.in.UpdateProfileUseCase;
import com.smartconnect.application.account.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.account.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.account.session.port.in.LogInUseCase;
import com.smartconnect.application.account.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.account.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorQuery;
import com.smartconnect.application.catalog.port.in.ImportCatalogUseCase;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.DeviceQuery;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.in.ReportLostCommunicationUseCase;
import com.smartconnect.application.notification.port.in.NotificationLinkUseCase;
import com.smartconnect.application.notification.port.in.NotificationSettingsUseCase;
import com.smartconnect.application.notification.port.in.ReenableNotificationsUseCase;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.RunPlanScheduleUseCase;
import com.smartconnect.application.reseller.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.in.ResellerQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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

    private SmartConnect(Builder builder) {
        this.configuration = builder.configuration.orElseGet(Configuration::fromEnvironment);
        try {
            DataSource dataSource = builder.dataSource.orElseGet(this::ownPool);
            this.vertx = Vertx.vertx(WebMetrics.enable(new VertxOptions()));
            closeables.push(() -> await(vertx.close()));
            this.injector = Guice.createInjector(Stage.PRODUCTION,
                    new SmartConnectModule(builder.clock, builder.passwordHasher.orElseGet(Argon2PasswordHasher::new),
                            builder.secretKey.orElseGet(() -> SecretKeyFile.resolve(configuration, builder.dataSource.isPresent())),
                            configuration),
                    new PersistenceModule(dataSource),
                    new MailModule(configuration, builder.mailTransport),
                    new WebModule(configuration, vertx, builder.captcha),
                    new MqttModule(configuration));
            this.jobs = chosen(injector.getInstance(Key.get(new TypeLiteral<Set<Job>>() { })), builder.jobs);
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

    /** The names of the scheduled jobs this instance runs (see {@link Builder#jobs(String...)}). */
    public List<String> jobNames() {
        return jobs.stream().map(Job::name).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Migrates the database, then starts mail delivery, the HTTP API and the MQTT endpoint. */
    public SmartConnect start() {
        try {
            injector.getInstance(Database.class);
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
            LOG.log(Level.INFO, "SmartConnect is up: {0}, {1}",
                    httpPort.isPresent() ? "HTTP on port " + httpPort.getAsInt() : "HTTP off",
                    mqttPort.isPresent() ? "MQTT on port " + mqttPort.getAsInt() : "MQTT off");
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public SignUpUseCase signUp() {
        return injector.getInstance(SignUpUseCase.class);
    }

    public VerifyRegistrationUseCase verifyRegistration() {
        return injector.getInstance(VerifyRegistrationUseCase.class);
    }

    public ResendCodeUseCase resendCode() {
        return injector.getInstance(ResendCodeUseCase.class);
    }

    public RegistrationStatusQuery registrationStatus() {
        return injector.getInstance(RegistrationStatusQuery.class);
    }

    public LogInUseCase logIn() {
        return injector.getInstance(LogInUseCase.class);
    }

    public LogOutUseCase logOut() {
        return injector.getInstance(LogOutUseCase.class);
    }

    public AuthenticateUseCase authenticate() {
        return injector.getInstance(AuthenticateUseCase.class);
    }

    public ProfileQuery profile() {
        return injector.getInstance(ProfileQuery.class);
    }

    public UpdateProfileUseCase updateProfile() {
        return injector.getInstance(UpdateProfileUseCase.class);
    }

    public RequestEmailChangeUseCase requestEmailChange() {
        return injector.getInstance(RequestEmailChangeUseCase.class);
    }

    public ConfirmEmailChangeUseCase confirmEmailChange() {
        return injector.getInstance(ConfirmEmailChangeUseCase.class);
    }

    public RequestPasswordResetUseCase requestPasswordReset() {
        return injector.getInstance(RequestPasswordResetUseCase.class);
    }

    public ResetPasswordUseCase resetPassword() {
        return injector.getInstance(ResetPasswordUseCase.class);
    }

    public ChangePasswordUseCase changePassword() {
        return injector.getInstance(ChangePasswordUseCase.class);
    }

    public DeleteAccountUseCase deleteAccount() {
        return injector.getInstance(DeleteAccountUseCase.class);
    }

    public InviteCoworkerUseCase inviteCoworker() {
        return injector.getInstance(InviteCoworkerUseCase.class);
    }

    public CoworkerInvitationsQuery coworkerInvitations() {
        return injector.getInstance(CoworkerInvitationsQuery.class);
    }

    public CancelCoworkerInvitationUseCase cancelCoworkerInvitation() {
        return injector.getInstance(CancelCoworkerInvitationUseCase.class);
    }

    /** The second step of a login with two-factor authentication. */
    public CompleteLogInUseCase completeLogIn() {
        return injector.getInstance(CompleteLogInUseCase.class);
    }

    public SendTwoFactorCodeUseCase sendTwoFactorCode() {
        return injector.getInstance(SendTwoFactorCodeUseCase.class);
    }

    public TwoFactorQuery twoFactor() {
        return injector.getInstance(TwoFactorQuery.class);
    }

    public StartTwoFactorEnrolmentUseCase startTwoFactorEnrolment() {
        return injector.getInstance(StartTwoFactorEnrolmentUseCase.class);
    }

    public ConfirmTwoFactorEnrolmentUseCase confirmTwoFactorEnrolment() {
        return injector.getInstance(ConfirmTwoFactorEnrolmentUseCase.class);
    }

    public DisableTwoFactorUseCase disableTwoFactor() {
        return injector.getInstance(DisableTwoFactorUseCase.class);
    }

    public ResellerQuery reseller() {
        return injector.getInstance(ResellerQuery.class);
    }

    public InviteResellerUseCase inviteReseller() {
        return injector.getInstance(InviteResellerUseCase.class);
    }

    public ManageResellerUseCase manageReseller() {
        return injector.getInstance(ManageResellerUseCase.class);
    }

    /** What resellers do through the links of their mails (accept, unsubscribe), without an account. */
    public ResellerLinkUseCase resellerLinks() {
        return injector.getInstance(ResellerLinkUseCase.class);
    }

    /** The job that expires unanswered reseller invitations; the instance also runs it every minute. */
    public ExpireResellerInvitationsUseCase expireResellerInvitations() {
        return injector.getInstance(ExpireResellerInvitationsUseCase.class);
    }

    /**
     * The daily reseller reminders (90, 30, 7 and 0 days before each lifecycle event); the instance also runs it
     * at start and every 15 minutes, and each reminder goes out once.
     */
    public com.smartconnect.application.lifecycle.port.in.RunResellerRemindersUseCase resellerReminders() {
        return injector.getInstance(com.smartconnect.application.lifecycle.port.in.RunResellerRemindersUseCase.class);
    }

    /** Reads devices' plans and what they include now. */
    public PlanQuery plans() {
        return injector.getInstance(PlanQuery.class);
    }

    /** The scheduled work of plans (free-period notices, falls to Basic); the instance also runs it every minute. */
    public RunPlanScheduleUseCase planSchedule() {
        return injector.getInstance(RunPlanScheduleUseCase.class);
    }

    /** The Email Notifications settings of devices (read by who sees the device, changed by its owner only). */
    public NotificationSettingsUseCase notificationSettings() {
        return injector.getInstance(NotificationSettingsUseCase.class);
    }

    /** The links of notification mails (unsubscribe, enable notifications), without an account. */
    public NotificationLinkUseCase notificationLinks() {
        return injector.getInstance(NotificationLinkUseCase.class);
    }

    /** The job that re-enables notifications 7 days after the throttle disabled them; the instance runs it every minute. */
    public ReenableNotificationsUseCase reenableNotifications() {
        return injector.getInstance(ReenableNotificationsUseCase.class);
    }

    /** Activates or extends a device's plan (the store, a reseller's system), at once and with history. */
    public ChangePlanUseCase changePlan() {
        return injector.getInstance(ChangePlanUseCase.class);
    }

    /** Whether a user has two-factor authentication on and their session passed it (what remote reboot asks). */
    public TwoFactorCheck twoFactorCheck() {
        return injector.getInstance(TwoFactorCheck.class);
    }

    /** Fills the device catalog from manufacturing data (CSV): how devices become known to the server. */
    public ImportCatalogUseCase importCatalog() {
        return injector.getInstance(ImportCatalogUseCase.class);
    }

    /** What the server knows of a device: its state (last birth, last seen, connected, latest status) and events. */
    public DeviceQuery devices() {
        return injector.getInstance(DeviceQuery.class);
    }

    /** How many device messages were acknowledged but rejected (by reason), and events of unknown types. */
    public DeviceMessageCounters deviceMessageCounters() {
        return injector.getInstance(DeviceMessageCounters.class);
    }

    /** Registering devices to accounts. */
    public RegisterDeviceUseCase registerDevice() {
        return injector.getInstance(RegisterDeviceUseCase.class);
    }

    /** What users may read of registered devices: status pages, lists, event logs, commands. */
    public RegisteredDevicesQuery registeredDevices() {
        return injector.getInstance(RegisteredDevicesQuery.class);
    }

    /** The command dispatcher's side of the command outbox (for an MQTT adapter of the embedding application). */
    public DeliverDeviceCommandsUseCase deliverDeviceCommands() {
        return injector.getInstance(DeliverDeviceCommandsUseCase.class);
    }

    /** The offline grace job: reports the devices disconnected longer than the grace period; safe on many instances. */
    public ReportLostCommunicationUseCase reportLostCommunication() {
        return injector.getInstance(ReportLostCommunicationUseCase.class);
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

    /** Assembles a {@link SmartConnect}; everything not given comes from the configuration. */
    public static final class Builder {

        private Optional<Configuration> configuration = Optional.empty();
        private Optional<DataSource> dataSource = Optional.empty();
        private Optional<MailTransport> mailTransport = Optional.empty();
        private Optional<CaptchaVerifier> captcha = Optional.empty();
        private Optional<PasswordHasher> passwordHasher = Optional.empty();
        private Optional<byte[]> secretKey = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Optional<Set<String>> jobs = Optional.empty();

        private Builder() {
        }

        /** The settings; by default those of {@link Configuration#fromEnvironment()}. */
        public Builder configuration(Configuration configuration) {
            this.configuration = Optional.of(configuration);
            return this;
        }

        /** The application's own database; it is migrated, and not closed by {@link SmartConnect#close()}. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Optional.of(dataSource);
            return this;
        }

        /** The application's own way to send mails, instead of SMTP or {@code .eml} files. */
        public Builder mailTransport(MailTransport mailTransport) {
            this.mailTransport = Optional.of(mailTransport);
            return this;
        }

        /** The captcha check, instead of the configured verify URL. */
        public Builder captcha(CaptchaVerifier captcha) {
            this.captcha = Optional.of(captcha);
            return this;
        }

        /** The password hashing, instead of Argon2id. */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = Optional.of(passwordHasher);
            return this;
        }

        /**
         * The 32-byte key that encrypts authenticator secrets in the database, instead of
         * {@code SMARTCONNECT_SECRET_KEY} or the data folder's {@code secret.key}. Keep it: without it, the users'
         * authenticator apps no longer match.
         */
        public Builder secretKey(byte[] secretKey) {
            if (secretKey.length != AesGcmSecretSealer.KEY_BYTES) {
                throw new IllegalArgumentException("the secret key has " + AesGcmSecretSealer.KEY_BYTES + " bytes");
            }
            this.secretKey = Optional.of(secretKey.clone());
            return this;
        }

        /** The clock every rule about time runs on; the system clock in UTC by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * The scheduled jobs this instance runs, by name ({@code plan-schedule}, {@code reseller-reminders},
         * {@code reseller-invitation-expiry}, {@code offline-grace}, {@code event-notification-reenabling},
         * {@code device-command-expiry}); all of them by default. Each job's pass does only what is due, so
         * running a job on several instances is safe, and running it on none stops that work. An unknown name is
         * refused when the instance is built.
         */
        public Builder jobs(String... names) {
            this.jobs = Optional.of(Set.of(names));
            return this;
        }

        public SmartConnect build() {
            return new SmartConnect(this);
        }

        /** Builds and starts. */
        public SmartConnect start() {
            return build().start();
        }
    }
}
