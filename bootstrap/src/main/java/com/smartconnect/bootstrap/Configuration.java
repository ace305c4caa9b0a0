package com.smartconnect.bootstrap;

import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionPolicy;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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
        FreePeriodPolicy freePeriod,
        Map<String, String> integrationKeys,
        DeviceCommandPolicy deviceCommandPolicy,
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
        SMARTCONNECT_MQTT_PORT("1883", "Port of the built-in MQTT device endpoint (0 picks a free one, -1 turns it off)."),
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
            values.putAll(readFile(Path.of(file)));
        }
        // Only known names are taken from the environment, which may hold unrelated SMARTCONNECT_ variables;
        // the file is ours alone, so a misspelt key there is an error.
        environment.forEach((name, value) -> {
            if (isKey(name)) {
                values.put(name, value);
            }
        });
        return parse(values);
    }

    /** The embedded default, everything in {@code dataDir}. */
    public static Configuration defaults(Path dataDir) {
        return from(Map.of(Key.SMARTCONNECT_DATA_DIR.name(), dataDir.toString()));
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).strip()));
        return values;
    }

    private static Configuration parse(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (name.startsWith("SMARTCONNECT_") && !isKey(name)) {
                throw new InvalidConfiguration("unknown setting " + name + " (see docs/configuration.md)");
            }
        }
        Settings s = new Settings(values);
        String tls = s.text(Key.SMARTCONNECT_SMTP_TLS).toLowerCase(Locale.ROOT);
        if (!tls.equals("none") && !tls.equals("starttls") && !tls.equals("tls")) {
            throw new InvalidConfiguration("SMARTCONNECT_SMTP_TLS must be none, starttls or tls, not '" + tls + "'");
        }
        if (s.optional(Key.SMARTCONNECT_CAPTCHA_VERIFY_URL).isPresent() && s.optional(Key.SMARTCONNECT_CAPTCHA_SECRET).isEmpty()) {
            throw new InvalidConfiguration("SMARTCONNECT_CAPTCHA_SECRET is required with SMARTCONNECT_CAPTCHA_VERIFY_URL");
        }
        if (s.optional(Key.SMARTCONNECT_CAPTCHA_SITE_KEY).isPresent() != s.optional(Key.SMARTCONNECT_CAPTCHA_SCRIPT_URL).isPresent()) {
            throw new InvalidConfiguration("SMARTCONNECT_CAPTCHA_SITE_KEY and SMARTCONNECT_CAPTCHA_SCRIPT_URL go together");
        }
        if (s.optional(Key.SMARTCONNECT_CAPTCHA_SITE_KEY).isPresent() && s.optional(Key.SMARTCONNECT_CAPTCHA_VERIFY_URL).isEmpty()) {
            throw new InvalidConfiguration("SMARTCONNECT_CAPTCHA_SITE_KEY needs SMARTCONNECT_CAPTCHA_VERIFY_URL: a widget whose "
                    + "tokens nobody checks protects nothing");
        }
        return new Configuration(
                s.text(Key.SMARTCONNECT_HTTP_HOST),
                s.port(Key.SMARTCONNECT_HTTP_PORT, true),
                s.port(Key.SMARTCONNECT_MQTT_PORT, true),
                Path.of(s.text(Key.SMARTCONNECT_DATA_DIR)),
                s.optional(Key.SMARTCONNECT_DB_URL),
                s.optional(Key.SMARTCONNECT_DB_USER),
                s.optional(Key.SMARTCONNECT_DB_PASSWORD),
                s.number(Key.SMARTCONNECT_DB_POOL_SIZE, 1, 500),
                s.optional(Key.SMARTCONNECT_SMTP_HOST),
                s.port(Key.SMARTCONNECT_SMTP_PORT, false),
                s.optional(Key.SMARTCONNECT_SMTP_USER),
                s.optional(Key.SMARTCONNECT_SMTP_PASSWORD),
                tls,
                s.mailbox(Key.SMARTCONNECT_MAIL_FROM),
                s.uri(Key.SMARTCONNECT_PUBLIC_URL).orElseThrow(
                        () -> new InvalidConfiguration("SMARTCONNECT_PUBLIC_URL is required")),
                s.uri(Key.SMARTCONNECT_CAPTCHA_VERIFY_URL),
                s.optional(Key.SMARTCONNECT_CAPTCHA_SECRET),
                s.optional(Key.SMARTCONNECT_CAPTCHA_SITE_KEY),
                s.uri(Key.SMARTCONNECT_CAPTCHA_SCRIPT_URL),
                secretKey(s),
                Duration.ofSeconds(s.number(Key.SMARTCONNECT_SHUTDOWN_GRACE_SECONDS, 0, 3600)),
                sessionPolicy(s),
                new OfflineGrace(Duration.ofMinutes(s.number(Key.SMARTCONNECT_DEVICE_OFFLINE_GRACE_MINUTES, 1, 7 * 24 * 60))),
                mqttTls(s),
                freePeriod(s),
                integrationKeys(s),
                new DeviceCommandPolicy(Duration.ofHours(s.number(Key.SMARTCONNECT_COMMAND_TTL_HOURS, 1, 24 * 30)),
                        DeviceCommandPolicy.DEFAULT.claimLease()),
                new StatusHistoryPolicy(s.number(Key.SMARTCONNECT_STATUS_HISTORY_DAYS, 0, StatusHistoryPolicy.MAX_DAYS)));
    }

    private static Optional<DeviceEndpointSettings.Tls> mqttTls(Settings s) {
        Optional<String> cert = s.optional(Key.SMARTCONNECT_MQTT_TLS_CERT_FILE);
        Optional<String> key = s.optional(Key.SMARTCONNECT_MQTT_TLS_KEY_FILE);
        if (cert.isPresent() != key.isPresent()) {
            throw new InvalidConfiguration("SMARTCONNECT_MQTT_TLS_CERT_FILE and SMARTCONNECT_MQTT_TLS_KEY_FILE go together");
        }
        if (cert.isEmpty()) {
            return Optional.empty();
        }
        for (Key file : new Key[] {Key.SMARTCONNECT_MQTT_TLS_CERT_FILE, Key.SMARTCONNECT_MQTT_TLS_KEY_FILE}) {
            if (!Files.isReadable(Path.of(s.text(file)))) {
                throw new InvalidConfiguration(file + " names a file that cannot be read: " + s.text(file));
            }
        }
        return Optional.of(new DeviceEndpointSettings.Tls(Path.of(cert.get()), Path.of(key.get())));
    }

    private static FreePeriodPolicy freePeriod(Settings s) {
        int months = s.number(Key.SMARTCONNECT_FREE_PERIOD_MONTHS, 1, 120);
        List<Integer> days = new ArrayList<>();
        for (String day : s.text(Key.SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS).split(",")) {
            if (day.isBlank()) {
                continue;
            }
            try {
                int value = Integer.parseInt(day.strip());
                if (value < 1 || value > 365) {
                    throw new NumberFormatException();
                }
                days.add(value);
            } catch (NumberFormatException e) {
                throw new InvalidConfiguration("SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS must list days between 1 and 365, "
                        + "such as 30,7, not '" + s.text(Key.SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS) + "'");
            }
        }
        return new FreePeriodPolicy(Period.ofMonths(months), days);
    }

    private static Map<String, String> integrationKeys(Settings s) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : s.text(Key.SMARTCONNECT_INTEGRATION_KEYS).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            String key = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") || !key.matches("\\p{Graph}{32,512}") || keys.containsKey(name)
                    || keys.containsValue(key)) {
                throw new InvalidConfiguration("SMARTCONNECT_INTEGRATION_KEYS must be name=key pairs, comma-separated, "
                        + "with distinct names of letters, digits, '.', '_' or '-' (starting with a letter or digit) and distinct keys of 32 to 512 visible characters (at least 32 characters)");
            }
            keys.put(name, key);
        }
        return Map.copyOf(keys);
    }

    private static Optional<String> secretKey(Settings s) {
        Optional<String> key = s.optional(Key.SMARTCONNECT_SECRET_KEY);
        key.ifPresent(value -> {
            int length;
            try {
                length = java.util.Base64.getDecoder().decode(value).length;
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration("SMARTCONNECT_SECRET_KEY must be base64 (e.g. from openssl rand -base64 32)");
            }
            if (length != 32) {
                throw new InvalidConfiguration("SMARTCONNECT_SECRET_KEY must be the base64 of 32 bytes, not of " + length);
            }
        });
        return key;
    }

    private static SessionPolicy sessionPolicy(Settings s) {
        Duration idle = Duration.ofMinutes(s.number(Key.SMARTCONNECT_SESSION_IDLE_MINUTES, 1, 24 * 60));
        Duration absolute = Duration.ofHours(s.number(Key.SMARTCONNECT_SESSION_ABSOLUTE_HOURS, 1, 24 * 30));
        if (absolute.compareTo(idle) < 0) {
            throw new InvalidConfiguration("SMARTCONNECT_SESSION_ABSOLUTE_HOURS must not be shorter than "
                    + "SMARTCONNECT_SESSION_IDLE_MINUTES");
        }
        return new SessionPolicy(idle, absolute);
    }

    private static boolean isKey(String name) {
        for (Key key : Key.values()) {
            if (key.name().equals(name)) {
                return true;
            }
        }
        return false;
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
                + ", sessionPolicy=" + sessionPolicy + ", offlineGrace=" + offlineGrace + ", mqttTls=" + mqttTls
                + ", freePeriod=" + freePeriod + ", integrationKeys=" + integrationKeys.keySet()
                + ", deviceCommandPolicy=" + deviceCommandPolicy + ", statusHistory=" + statusHistory + "]";
    }

    private static String masked(Optional<String> secret) {
        return secret.isPresent() ? "****" : "(none)";
    }

    /** A copy with other HTTP and MQTT ports; tests use 0 to get free ones. */
    public Configuration withPorts(int http, int mqtt) {
        return new Configuration(httpHost, http, mqtt, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, smtpHost, smtpPort,
                smtpUser, smtpPassword, smtpTls, mailFrom, publicUrl, captchaVerifyUrl, captchaSecret, captchaSiteKey, captchaScriptUrl,
                secretKey, shutdownGrace, sessionPolicy, offlineGrace, mqttTls, freePeriod, integrationKeys, deviceCommandPolicy,
                statusHistory);
    }

    private record Settings(Map<String, String> values) {

        String text(Key key) {
            return values.get(key.name()).strip();
        }

        Optional<String> optional(Key key) {
            String value = text(key);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int number(Key key, int min, int max) {
            try {
                int value = Integer.parseInt(text(key));
                if (value < min || value > max) {
                    throw new InvalidConfiguration(key + " must be between " + min + " and " + max + ", not " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidConfiguration(key + " must be a number, not '" + text(key) + "'");
            }
        }

        int port(Key key, boolean mayBeOff) {
            return number(key, mayBeOff ? -1 : 0, 65535);
        }

        String mailbox(Key key) {
            String value = text(key);
            try {
                new jakarta.mail.internet.InternetAddress(value, true);
                return value;
            } catch (jakarta.mail.internet.AddressException e) {
                throw new InvalidConfiguration(key + " must be a mail address such as \"SmartConnect <no-reply@example.com>\", not '"
                        + value + "'");
            }
        }

        Optional<URI> uri(Key key) {
            return optional(key).map(value -> {
                try {
                    URI uri = URI.create(value);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new IllegalArgumentException("not absolute");
                    }
                    return uri;
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfiguration(key + " must be an absolute URL such as https://portal.example.com, not '" + value + "'");
                }
            });
        }
    }

    /** A setting has a value the server cannot run with; the message says which and why. */
    public static final class InvalidConfiguration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidConfiguration(String message) {
            super(message);
        }
    }
}
