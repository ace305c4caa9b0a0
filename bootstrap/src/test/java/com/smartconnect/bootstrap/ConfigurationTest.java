package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheEmbeddedDefault() {
        Configuration c = Configuration.from(Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.mqttPort()).isEqualTo(1883);
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:").contains("data");
        assertThat(c.smtpHost()).isEmpty();
        assertThat(c.publicUrl().toString()).isEqualTo("http://localhost:8080");
    }

    @Test
    void theEnvironmentWinsOverTheFileWhichWinsOverTheDefaults() throws Exception {
        Path file = dir.resolve("smartconnect.properties");
        Files.writeString(file, "SMARTCONNECT_HTTP_PORT=9090\nSMARTCONNECT_MQTT_PORT=2883\n");
        Configuration c = Configuration.from(Map.of("SMARTCONNECT_CONFIG_FILE", file.toString(),
                "SMARTCONNECT_MQTT_PORT", "3883", "SMARTCONNECT_UNRELATED_VARIABLE", "ignored"));
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.mqttPort()).isEqualTo(3883);
    }

    @Test
    void plansHaveTheirFreePeriodAndTheIntegrationsTheirKeys() {
        Configuration c = Configuration.from(Map.of("SMARTCONNECT_FREE_PERIOD_MONTHS", "6",
                "SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS", "7, 30,1",
                "SMARTCONNECT_INTEGRATION_KEYS", "store=0123456789abcdef0123456789abcdef, erp=fedcba9876543210fedcba9876543210"));
        assertThat(c.freePeriod().length()).isEqualTo(java.time.Period.ofMonths(6));
        assertThat(c.freePeriod().noticeDays()).containsExactly(30, 7, 1);
        assertThat(c.integrationKeys()).containsEntry("store", "0123456789abcdef0123456789abcdef").hasSize(2);
        assertThat(c.toString()).contains("store").doesNotContain("0123456789abcdef");
        assertThat(Configuration.from(Map.of()).freePeriod()).isEqualTo(com.smartconnect.domain.plan.FreePeriodPolicy.DEFAULT);
    }

    @Test
    void httpAndMqttOnTheSamePortAreRefusedNamingBothSettings() {
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_HTTP_PORT", "8883", "SMARTCONNECT_MQTT_PORT", "8883")))
                .isInstanceOf(Configuration.InvalidConfiguration.class)
                .hasMessageContaining("SMARTCONNECT_HTTP_PORT").hasMessageContaining("SMARTCONNECT_MQTT_PORT")
                .hasMessageContaining("8883");
        assertThatThrownBy(() -> Configuration.from(Map.of()).withPorts(9000, 9000))
                .hasMessageContaining("SMARTCONNECT_HTTP_PORT and SMARTCONNECT_MQTT_PORT");
    }

    @Test
    void freePortsAndPortsTurnedOffMayBeTheSameForBoth() {
        assertThat(Configuration.from(Map.of("SMARTCONNECT_HTTP_PORT", "0", "SMARTCONNECT_MQTT_PORT", "0")).mqttPort()).isZero();
        assertThat(Configuration.from(Map.of("SMARTCONNECT_HTTP_PORT", "-1", "SMARTCONNECT_MQTT_PORT", "-1")).httpPort()).isEqualTo(-1);
        assertThat(Configuration.from(Map.of()).withPorts(0, 0).httpPort()).isZero();
    }

    @Test
    void secretsAreMaskedWhenAConfigurationIsPrinted() {
        Configuration c = Configuration.from(Map.of("SMARTCONNECT_DB_PASSWORD", "db-secret",
                "SMARTCONNECT_SMTP_PASSWORD", "smtp-secret", "SMARTCONNECT_CAPTCHA_VERIFY_URL", "https://captcha.example/verify",
                "SMARTCONNECT_CAPTCHA_SECRET", "captcha-secret",
                "SMARTCONNECT_SECRET_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        assertThat(c.toString()).doesNotContain("db-secret", "smtp-secret", "captcha-secret", "AAECAwQF").contains("****");
    }

    @Test
    void aWrongValueSaysWhichSettingAndWhy() throws Exception {
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_MAIL_FROM", "SmartConnect <nobody>")))
                .hasMessageContaining("SMARTCONNECT_MAIL_FROM");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_CAPTCHA_VERIFY_URL", "https://captcha.example/verify")))
                .hasMessageContaining("SMARTCONNECT_CAPTCHA_SECRET");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_CAPTCHA_SITE_KEY", "site-key")))
                .hasMessageContaining("SMARTCONNECT_CAPTCHA_SITE_KEY and SMARTCONNECT_CAPTCHA_SCRIPT_URL go together");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_CAPTCHA_SITE_KEY", "site-key",
                "SMARTCONNECT_CAPTCHA_SCRIPT_URL", "https://captcha.example/api.js")))
                .hasMessageContaining("needs SMARTCONNECT_CAPTCHA_VERIFY_URL");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_HTTP_PORT", "eighty")))
                .hasMessageContaining("SMARTCONNECT_HTTP_PORT").hasMessageContaining("number");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_SMTP_TLS", "maybe")))
                .hasMessageContaining("none, starttls or tls");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_PUBLIC_URL", "portal")))
                .hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_SECRET_KEY", "c2hvcnQ=")))
                .hasMessageContaining("SMARTCONNECT_SECRET_KEY").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_SECRET_KEY", "not base64!")))
                .hasMessageContaining("SMARTCONNECT_SECRET_KEY must be base64");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS", "30,soon")))
                .hasMessageContaining("SMARTCONNECT_FREE_PERIOD_NOTICE_DAYS");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_INTEGRATION_KEYS", "store=short")))
                .hasMessageContaining("at least 32 characters");
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "SMARTCONNECT_HTTP_PROT=9090\n");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_CONFIG_FILE", file.toString())))
                .hasMessageContaining("unknown setting SMARTCONNECT_HTTP_PROT");
    }
}
