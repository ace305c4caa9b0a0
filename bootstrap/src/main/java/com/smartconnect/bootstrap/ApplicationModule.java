package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.smartconnect.application.port.in.RegistrationStatusQuery;
import com.smartconnect.application.port.in.ResendCodeUseCase;
import com.smartconnect.application.port.in.SignUpUseCase;
import com.smartconnect.application.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.service.RegistrationStatusService;
import com.smartconnect.application.service.ResendCodeService;
import com.smartconnect.application.service.SignUpService;
import com.smartconnect.application.service.VerifyRegistrationService;
import java.time.Clock;

/** The use cases and the services behind them, with the clock and randomness they run on. */
final class ApplicationModule extends AbstractModule {

    private final Clock clock;
    private final PasswordHasher passwordHasher;

    ApplicationModule(Clock clock, PasswordHasher passwordHasher) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(PasswordHasher.class).toInstance(passwordHasher);
        bind(RandomSource.class).to(SecureRandomSource.class).in(Scopes.SINGLETON);
        bind(SignUpUseCase.class).to(SignUpService.class).in(Scopes.SINGLETON);
        bind(VerifyRegistrationUseCase.class).to(VerifyRegistrationService.class).in(Scopes.SINGLETON);
        bind(ResendCodeUseCase.class).to(ResendCodeService.class).in(Scopes.SINGLETON);
        bind(RegistrationStatusQuery.class).to(RegistrationStatusService.class).in(Scopes.SINGLETON);
    }
}
