package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.smartconnect.application.common.port.out.LinkSigner;
import com.smartconnect.application.common.port.out.PasswordHasher;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.SecretSealer;
import java.time.Clock;

/** What every context runs on: the clock, randomness, password hashing, and the secrets that sign and seal. */
final class CommonModule extends AbstractModule {

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final byte[] secretKey;

    CommonModule(Clock clock, PasswordHasher passwordHasher, byte[] secretKey) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.secretKey = secretKey.clone();
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(PasswordHasher.class).toInstance(passwordHasher);
        bind(RandomSource.class).to(SecureRandomSource.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    SecretSealer secretSealer(RandomSource random) {
        return new AesGcmSecretSealer(secretKey, random);
    }

    @Provides
    @Singleton
    LinkSigner linkSigner() {
        return new HmacLinkSigner(secretKey);
    }
}
