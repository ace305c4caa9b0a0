package com.smartconnect.bootstrap;

import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.adapters.web.WebSettings;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.bootstrap.Configuration.InvalidConfiguration;
import com.smartconnect.bootstrap.Configuration.Key;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import com.smartconnect.domain.plan.FreePeriodPolicy;
import com.smartconnect.domain.session.SessionPolicy;
import java.io.IOException;
import java.io.Reader;
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

/** Reads the settings' values into a {@link Configuration}, each area by a reader of its own. */
final class ConfigurationReader {

    private ConfigurationReader() {
    }

    static Map<String, String> readFile(Path file) {
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

    static Configuration parse(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (name.startsWith("SMARTCONNECT_") && !isKey(name)) {
                throw new InvalidConfiguration("unknown setting " + name + " (see docs/configuration.md)");
            }
        }
        ConfigurationValues s = new ConfigurationValues(values);
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
                pemPair(s, Key.SMARTCONNECT_HTTP_TLS_CERT_FILE, Key.SMARTCONNECT_HTTP_TLS_KEY_FILE)
                        .map(pair -> new WebSettings.Tls(pair[0], pair[1])),
                freePeriod(s),
                integrationKeys(s),
                new DeviceCommandPolicy(Duration.ofHours(s.number(Key.SMARTCONNECT_COMMAND_TTL_HOURS, 1, 24 * 30)),
                        DeviceCommandPolicy.DEFAULT.claimLease()),
                ServerLimits.read(s),
                new StatusHistoryPolicy(s.number(Key.SMARTCONNECT_STATUS_HISTORY_DAYS, 0, StatusHistoryPolicy.MAX_DAYS)));
    }

    private static Optional<DeviceEndpointSettings.Tls> mqttTls(ConfigurationValues s) {
        return pemPair(s, Key.SMARTCONNECT_MQTT_TLS_CERT_FILE, Key.SMARTCONNECT_MQTT_TLS_KEY_FILE)
                .map(pair -> new DeviceEndpointSettings.Tls(pair[0], pair[1]));
    }

    /** A certificate file and its key file: both or neither, each readable. */
    private static Optional<Path[]> pemPair(ConfigurationValues s, Key certKey, Key keyKey) {
        Optional<String> cert = s.optional(certKey);
        Optional<String> key = s.optional(keyKey);
        if (cert.isPresent() != key.isPresent()) {
            throw new InvalidConfiguration(certKey + " and " + keyKey + " go together");
        }
        if (cert.isEmpty()) {
            return Optional.empty();
        }
        for (Key file : new Key[] {certKey, keyKey}) {
            if (!Files.isReadable(Path.of(s.text(file)))) {
                throw new InvalidConfiguration(file + " names a file that cannot be read: " + s.text(file));
            }
        }
        return Optional.of(new Path[] {Path.of(cert.get()), Path.of(key.get())});
    }

    private static FreePeriodPolicy freePeriod(ConfigurationValues s) {
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

    private static Map<String, String> integrationKeys(ConfigurationValues s) {
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

    private static Optional<String> secretKey(ConfigurationValues s) {
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

    private static SessionPolicy sessionPolicy(ConfigurationValues s) {
        Duration idle = Duration.ofMinutes(s.number(Key.SMARTCONNECT_SESSION_IDLE_MINUTES, 1, 24 * 60));
        Duration absolute = Duration.ofHours(s.number(Key.SMARTCONNECT_SESSION_ABSOLUTE_HOURS, 1, 24 * 30));
        if (absolute.compareTo(idle) < 0) {
            throw new InvalidConfiguration("SMARTCONNECT_SESSION_ABSOLUTE_HOURS must not be shorter than "
                    + "SMARTCONNECT_SESSION_IDLE_MINUTES");
        }
        return new SessionPolicy(idle, absolute);
    }

    static boolean isKey(String name) {
        for (Key key : Key.values()) {
            if (key.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
