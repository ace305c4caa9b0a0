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
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "SMARTCONNECT_HTTP_PROT=9090\n");
        assertThatThrownBy(() -> Configuration.from(Map.of("SMARTCONNECT_CONFIG_FILE", file.toString())))
                .hasMessageContaining("unknown setting SMARTCONNECT_HTTP_PROT");
    }
}
