package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.smartconnect.adapters.mail.EmlFileTransport;
import com.smartconnect.adapters.mail.MailDispatcher;
import com.smartconnect.adapters.mail.MailRenderer;
import com.smartconnect.adapters.mail.MailSettings;
import com.smartconnect.adapters.mail.MailTransport;
import com.smartconnect.adapters.mail.SmtpSecurity;
import com.smartconnect.adapters.mail.SmtpSettings;
import com.smartconnect.adapters.mail.SmtpTransport;
import com.smartconnect.adapters.mail.TransportMailSender;
import com.smartconnect.application.mail.MailDeliveryService;
import com.smartconnect.application.mail.port.in.DeliverMailsUseCase;
import com.smartconnect.application.mail.port.out.MailSender;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Mail delivery: the delivery rule of the application, sent through the given transport, else SMTP when a host is configured, else {@code .eml} files. */
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

    @Override
    protected void configure() {
        bind(DeliverMailsUseCase.class).to(MailDeliveryService.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    MailSender sender(MailTransport transport, Clock clock) {
        return new TransportMailSender(transport,
                new MailRenderer(new MailSettings(configuration.mailFrom(), configuration.publicUrl())), clock);
    }

    @Provides
    @Singleton
    MailDispatcher dispatcher(DeliverMailsUseCase delivery) {
        return new MailDispatcher(delivery);
    }
}
