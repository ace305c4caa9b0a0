package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.smartconnect.adapters.mail.EmlFileTransport;
import com.smartconnect.adapters.mail.MailDispatcher;
import com.smartconnect.adapters.mail.MailRenderer;
import com.smartconnect.adapters.mail.MailSettings;
import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.adapters.mail.SmtpSecurity;
import com.smartconnect.adapters.mail.SmtpSettings;
import com.smartconnect.adapters.mail.SmtpTransport;
import com.smartconnect.application.mail.port.out.MailOutbox;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Mail delivery: the given transport, else SMTP when a host is configured, else {@code .eml} files. */
final class MailModule extends AbstractModule {

    private final Configuration configuration;
    private final Optional<MailTransport> givenTransport;

    MailModule(Configuration configuration, Optional<MailTransport> givenTransport) {
        this.configuration = configuration;
        this.givenTransport = givenTransport;
    }

    @Provides
    @Singleton
    MailTransport transport() {
        return givenTransport.orElseGet(() -> configuration.smtpHost()
                .<MailTransport>map(host -> new SmtpTransport(new SmtpSettings(host, configuration.smtpPort(),
                        SmtpSecurity.valueOf(configuration.smtpTls().toUpperCase(Locale.ROOT)),
                        configuration.smtpUser(), configuration.smtpPassword())))
                .orElseGet(() -> new EmlFileTransport(configuration.mailDir())));
    }

    @Provides
    @Singleton
    MailDispatcher dispatcher(MailOutbox outbox, MailTransport transport, Clock clock) {
        return new MailDispatcher(outbox, transport,
                new MailRenderer(new MailSettings(configuration.mailFrom(), configuration.publicUrl())), clock);
    }
}
