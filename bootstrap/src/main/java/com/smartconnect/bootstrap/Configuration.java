package com.smartconnect.bootstrap;

import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.adapters.web.WebSettings;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a SmartConnect server. Each comes, by increasing precedence, from its default, from the
 * optional properties file named by {@code SMARTCONNECT_CONFIG_FILE}, and from the environment variable of
 * the same name. The defaults are the embedded default: an H2 file database and {@code .eml} files in
 * the data folder.
 */
public record Configuration(
        String httpHost,
        int httpPort,
        int mqttPort,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        int dbPoolSize,
        Optional<String> smtpHost,
        int smtpPort,
        Optional<String> smtpUser,
        Optional<String> smtpPassword,
        String smtpTls,
        String mailFrom,
        URI publicUrl,
        Optional<URI> captchaVerifyUrl,
        Optional<String> captchaSecret,
        Optional<String> captchaSiteKey,
        Optional<URI> captchaScriptUrl,
        Optional<String> secretKey,
        Duration shutdownGrace,
        SessionPolicy sessionPolicy,
        OfflineGrace offlineGrace,
        Optional<DeviceEndpointSettings.Tls> mqttTls,
        Optional<WebSettings.Tls> httpTls,
        FreePeriodPolicy freePeriod,
        Map<String, String> integrationKeys,
        DeviceCommandPolicy deviceCommandPolicy,
        ServerLimits limits,
        StatusHistoryPolicy statusHistory) {

    /**
     * Refuses an HTTP API and an MQTT endpoint on the same port: Vert.x shares one listening socket between servers
     * on the same port, so the start would succeed and then each connection would reach either server at random.
     */
    public Configuration {
        if (httpPort > 0 && httpPort == mqttPort) {
            throw new InvalidConfiguration("SMARTCONNECT_HTTP_PORT and SMARTCONNECT_MQTT_PORT are both " + httpPort
                    + ": the HTTP API and the MQTT endpoint need different ports (0 picks a free one for each)");
        }
    }

    /** Every setting: its name (environment variable and properties-file key), default and meaning. */
    public enum Key {
        SMARTCONNECT_CONFIG_FILE("", "Optional properties file with any of these keys; the environment wins over it."),
        SMARTCONNECT_HTTP_HOST("0.0.0.0", "Address the HTTP server listens on."),
        SMARTCONNECT_HTTP_PORT("8080", "HTTP port (0 picks a free one, -1 turns the HTTP API off, e.g. when embedded)."),
        SMARTCONNECT_HTTP_IDLE_TIMEOUT_SECONDS("60", "An HTTP connection that neither sends nor receives anything for this many seconds is closed."),
        SMARTCONNECT_HTTP_MAX_CONNECTIONS("", "Most HTTP connections open at once; one more is closed as it arrives. Empty: a quarter of the open-file limit of the process, less what it keeps for files and database connections (logged at start)."),
        SMARTCONNECT_HTTP_TLS_CERT_FILE("", "PEM certificate chain: with the key file, the HTTP server answers HTTPS only. Empty: plain HTTP."),
        SMARTCONNECT_HTTP_TLS_KEY_FILE("", "PEM private key of that certificate."),
        SMARTCONNECT_MQTT_PORT("1883", "Port of the built-in MQTT device endpoint (0 picks a free one, -1 turns it off)."),
        SMARTCONNECT_MQTT_MAX_CONNECTIONS("", "Most MQTT device connections at once; one more is refused (CONNACK server unavailable). Empty: the rest of that open-file budget, which HTTP connections cannot use."),
        SMARTCONNECT_MQTT_TLS_CERT_FILE("", "PEM certificate chain: with the key file, the MQTT endpoint speaks TLS only. Empty: plain TCP."),
        SMARTCONNECT_MQTT_TLS_KEY_FILE("", "PEM private key of that certificate."),
        SMARTCONNECT_DATA_DIR("./data", "Folder of the embedded default: the H2 database and the mails written as .eml files."),
        SMARTCONNECT_DB_URL("", "JDBC URL, e.g. jdbc:postgresql://host:5432/smartconnect. Empty: an H2 file database in the data folder."),
        SMARTCONNECT_DB_USER("", "Database user."),
        SMARTCONNECT_DB_PASSWORD("", "Database password."),
        SMARTCONNECT_DB_POOL_SIZE("10", "Largest number of pooled database connections."),
        SMARTCONNECT_SMTP_HOST("", "SMTP server. Empty: mails are written as .eml files under the data folder's mail/ folder."),
        SMARTCONNECT_SMTP_PORT("587", "SMTP port."),
        SMARTCONNECT_SMTP_USER("", "SMTP user; empty for no authentication."),
        SMARTCONNECT_SMTP_PASSWORD("", "SMTP password."),
        SMARTCONNECT_SMTP_TLS("starttls", "none, starttls (upgrade a plain connection, required) or tls (TLS from the start)."),
        SMARTCONNECT_MAIL_FROM("SmartConnect <no-reply@smartconnect.local>", "Sender of the portal's mails."),
        SMARTCONNECT_PUBLIC_URL("http://localhost:8080", "The portal's public base URL: the base of links in mails."),
        SMARTCONNECT_CAPTCHA_VERIFY_URL("", "reCAPTCHA/hCaptcha-compatible verify URL. Empty: every captcha token is accepted (logged)."),
        SMARTCONNECT_CAPTCHA_SECRET("", "Secret sent to the captcha verify URL."),
        SMARTCONNECT_CAPTCHA_SITE_KEY("", "Site key of the portal's \"I am not a robot\" widget. Empty: the portal shows no widget."),
        SMARTCONNECT_CAPTCHA_SCRIPT_URL("", "Script of the captcha widget, e.g. https://js.hcaptcha.com/1/api.js; its origin is allowed by the portal's Content-Security-Policy."),
        SMARTCONNECT_SECRET_KEY("", "Base64 of 32 random bytes (e.g. openssl rand -base64 32): the key that encrypts authenticator-app secrets in the database and signs the links of notification mails. Empty: the file secret.key in the data folder, made on first start. Instances that share a database need the same key."),
        SMARTCONNECT_SHUTDOWN_GRACE_SECONDS("20", "How long a stopping server lets the requests in flight finish."),
        SMARTCONNECT_SESSION_IDLE_MINUTES("30", "A login session ends after this many minutes without a request."),
        SMARTCONNECT_SESSION_ABSOLUTE_HOURS("12", "A login session ends this many hours after login, whatever happens."),
        SMARTCONNECT_DEVICE_OFFLINE_GRACE_MINUTES("10", "A device disconnected longer than this gets a COMMUNICATION_LOST event (and COMMUNICATION_RESTORED when it is back)."),
        SMARTCONNECT_FREE_PERIOD_MONTHS("12", "Length of the free monitoring period a device gets at its first registration."),
        SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS("30,7", "Days before the free period ends when the owner is mailed \"Upcoming changes to your SmartConnect account\" (comma-separated; empty for none)."),
        SMARTCONNECT_INTEGRATION_KEYS("", "Keys of the applications (the store, resellers' systems) that change plans through /api/v1/integration: name=key pairs, comma-separated, each key at least 32 characters. Empty: the integration endpoint refuses everyone."),
        SMARTCONNECT_LABEL_PHOTO_DECODES("", "Label photos decoded at once, on threads of their own. Empty: half the processors, at least one."),
        SMARTCONNECT_LABEL_PHOTO_DECODES_PER_ACCOUNT("2", "Label photos one account may have decoded at once; one more is answered 429 LABEL_PHOTO_DECODES_BUSY with Retry-After."),
        SMARTCONNECT_COMMAND_TTL_HOURS("24", "A command to a device (sensitivity, outlet reboot) that the device has not received within this many hours expires."),
        SMARTCONNECT_STATUS_HISTORY_DAYS("90", "Days of status history kept for the charts of the UPS status page (hourly buckets; five-minute ones for 2 days at most); older buckets are deleted. 0 keeps no history.");

        private final String defaultValue;
        private final String description;

        Key(String defaultValue, String description) {
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }
    }

    /** The configuration of this process: defaults, then the optional file, then the environment. */
    public static Configuration fromEnvironment() {
        return from(System.getenv());
    }

    /** The configuration given these environment variables (the file they may name included). */
    public static Configuration from(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (Key key : Key.values()) {
            values.put(key.name(), key.defaultValue());
        }
        String file = environment.getOrDefault(Key.SMARTCONNECT_CONFIG_FILE.name(), "");
        if (!file.isBlank()) {
            values.putAll(ConfigurationReader.readFile(Path.of(file)));
        }
        // Only known names are taken from the environment, which may hold unrelated SMARTCONNECT_ variables;
        // the file is ours alone, so a misspelt key there is an error.
        environment.forEach((name, value) -> {
            if (ConfigurationReader.isKey(name)) {
                values.put(name, value);
            }
        });
        return ConfigurationReader.parse(values);
    }

    /** The embedded default, everything in {@code dataDir}. */
    public static Configuration defaults(Path dataDir) {
        return from(Map.of(Key.SMARTCONNECT_DATA_DIR.name(), dataDir.toString()));
    }

    /**
     * The JDBC URL to use: the configured one, or the H2 file database of the embedded default. {@code WRITE_DELAY=0}
     * writes every commit to the file at once: with H2's default (up to 500 ms later) a device message acknowledged
     * after its commit would be lost if the process were killed right after, which the device protocol forbids
     * ({@code DeviceDurabilityJarIT} kills the server to check).
     */
    public String jdbcUrl() {
        return dbUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("smartconnect")
                + ";AUTO_SERVER=FALSE;WRITE_DELAY=0");
    }

    /** Where the embedded default writes mails. */
    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    /** Like the record's, but with the secrets masked: configurations end up in logs. */
    @Override
    public String toString() {
        return "Configuration[httpHost=" + httpHost + ", httpPort=" + httpPort + ", mqttPort=" + mqttPort + ", dataDir="
                + dataDir + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword=" + masked(dbPassword)
                + ", dbPoolSize=" + dbPoolSize + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpUser="
                + smtpUser + ", smtpPassword=" + masked(smtpPassword) + ", smtpTls=" + smtpTls + ", mailFrom=" + mailFrom
                + ", publicUrl=" + publicUrl + ", captchaVerifyUrl=" + captchaVerifyUrl + ", captchaSecret="
                + masked(captchaSecret) + ", captchaSiteKey=" + captchaSiteKey + ", captchaScriptUrl=" + captchaScriptUrl
                + ", secretKey=" + masked(secretKey) + ", shutdownGrace=" + shutdownGrace
                + ", sessionPolicy=" + sessionPolicy + ", offlineGrace=" + offlineGrace + ", mqttTls=" + mqttTls + ", httpTls=" + httpTls
                + ", freePeriod=" + freePeriod + ", integrationKeys=" + integrationKeys.keySet()
                + ", deviceCommandPolicy=" + deviceCommandPolicy + ", limits=" + limits + ", statusHistory=" + statusHistory
                + "]";
    }

    private static String masked(Optional<String> secret) {
        return secret.isPresent() ? "****" : "(none)";
    }

    /** A copy with other HTTP and MQTT ports; tests use 0 to get free ones. */
    public Configuration withPorts(int http, int mqtt) {
        return new Configuration(httpHost, http, mqtt, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, smtpHost, smtpPort,
                smtpUser, smtpPassword, smtpTls, mailFrom, publicUrl, captchaVerifyUrl, captchaSecret, captchaSiteKey,
                captchaScriptUrl, secretKey, shutdownGrace, sessionPolicy, offlineGrace, mqttTls, httpTls, freePeriod,
                integrationKeys, deviceCommandPolicy, limits, statusHistory);
    }

    /** A setting has a value the server cannot run with; the message says which and why. */
    public static final class InvalidConfiguration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidConfiguration(String message) {
            super(message);
        }
    }
}
