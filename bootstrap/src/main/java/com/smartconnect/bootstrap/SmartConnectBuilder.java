package com.smartconnect.bootstrap;

import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.application.account.registration.port.out.CaptchaVerifier;
import com.smartconnect.application.common.port.out.PasswordHasher;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Assembles a {@link SmartConnect}; everything not given comes from the configuration. */
public final class SmartConnectBuilder {

    Optional<Configuration> configuration = Optional.empty();
    Optional<DataSource> dataSource = Optional.empty();
    Optional<MailTransport> mailTransport = Optional.empty();
    Optional<CaptchaVerifier> captcha = Optional.empty();
    Optional<PasswordHasher> passwordHasher = Optional.empty();
    Optional<byte[]> secretKey = Optional.empty();
    Clock clock = Clock.systemUTC();
    Optional<Set<String>> jobs = Optional.empty();
    Optional<Vertx> vertx = Optional.empty();

    SmartConnectBuilder() {
    }

    /** The settings; by default those of {@link Configuration#fromEnvironment()}. */
    public SmartConnectBuilder configuration(Configuration configuration) {
        this.configuration = Optional.of(configuration);
        return this;
    }

    /** The application's own database; it is migrated, and not closed by {@link SmartConnect#close()}. */
    public SmartConnectBuilder dataSource(DataSource dataSource) {
        this.dataSource = Optional.of(dataSource);
        return this;
    }

    /** The application's own way to send mails, instead of SMTP or {@code .eml} files. */
    public SmartConnectBuilder mailTransport(MailTransport mailTransport) {
        this.mailTransport = Optional.of(mailTransport);
        return this;
    }

    /** The captcha check, instead of the configured verify URL. */
    public SmartConnectBuilder captcha(CaptchaVerifier captcha) {
        this.captcha = Optional.of(captcha);
        return this;
    }

    /** The password hashing, instead of Argon2id. */
    public SmartConnectBuilder passwordHasher(PasswordHasher passwordHasher) {
        this.passwordHasher = Optional.of(passwordHasher);
        return this;
    }

    /**
     * The 32-byte key that encrypts authenticator secrets in the database, instead of
     * {@code SMARTCONNECT_SECRET_KEY} or the data folder's {@code secret.key}. Keep it: without it, the users'
     * authenticator apps no longer match.
     */
    public SmartConnectBuilder secretKey(byte[] secretKey) {
        if (secretKey.length != AesGcmSecretSealer.KEY_BYTES) {
            throw new IllegalArgumentException("the secret key has " + AesGcmSecretSealer.KEY_BYTES + " bytes");
        }
        this.secretKey = Optional.of(secretKey.clone());
        return this;
    }

    /** The clock every rule about time runs on; the system clock in UTC by default. */
    public SmartConnectBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * The host application's Vert.x, instead of one of SmartConnect's own: the HTTP API and the MQTT endpoint are
     * deployed on it, and {@link SmartConnect#close()} undeploys them but never closes it. Its metrics are the
     * host's: {@code GET /metrics} shows them only if the host turned on Micrometer's Prometheus registry.
     */
    public SmartConnectBuilder vertx(Vertx vertx) {
        this.vertx = Optional.of(Objects.requireNonNull(vertx, "vertx"));
        return this;
    }

    /**
     * The scheduled jobs this instance runs, by name ({@code plan-schedule}, {@code reseller-reminders},
     * {@code reseller-invitation-expiry}, {@code offline-grace}, {@code event-notification-reenabling},
     * {@code device-command-expiry}); all of them by default. Each job's pass does only what is due, so
     * running a job on several instances is safe, and running it on none stops that work. An unknown name is
     * refused when the instance is built.
     */
    public SmartConnectBuilder jobs(String... names) {
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
