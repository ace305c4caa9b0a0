package com.smartconnect.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    @Test
    void plainConnectionUsesNeitherTlsNorAuth() {
        Properties props = new SmtpTransport(SmtpSettings.anonymous("relay.local", 25, SmtpSecurity.NONE)).sessionProperties();

        assertThat(props.getProperty("mail.smtp.host")).isEqualTo("relay.local");
        assertThat(props.getProperty("mail.smtp.port")).isEqualTo("25");
        assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("false");
        assertThat(props.getProperty("mail.smtp.starttls.enable")).isNull();
        assertThat(props.getProperty("mail.smtp.ssl.enable")).isNull();
        assertThat(props.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(props.getProperty("mail.smtp.timeout")).isEqualTo("30000");
        assertThat(props.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    @Test
    void startTlsIsRequiredNotJustOffered() {
        Properties props = new SmtpTransport(new SmtpSettings("smtp.example.com", 587, SmtpSecurity.STARTTLS,
                Optional.of("portal"), Optional.of("secret"))).sessionProperties();

        assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.ssl.enable")).isNull();
        assertThat(props.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("true");
    }

    @Test
    void implicitTlsEnablesSsl() {
        Properties props = new SmtpTransport(SmtpSettings.anonymous("smtp.example.com", 465, SmtpSecurity.TLS))
                .sessionProperties();

        assertThat(props.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.starttls.enable")).isNull();
        assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("false");
    }

    @Test
    void settingsDoNotPrintThePassword() {
        SmtpSettings settings =
                new SmtpSettings("smtp.example.com", 587, SmtpSecurity.STARTTLS, Optional.of("portal"), Optional.of("s3cret"));

        assertThat(settings.toString()).contains("portal").doesNotContain("s3cret");
    }
}
