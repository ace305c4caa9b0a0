package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.smartconnect.application.common.port.out.PasswordHasher;
import java.time.Clock;

/**
 * The application: one module per context, each binding its use cases to the services behind them, over what every
 * context runs on. The adapters' modules bind the outbound ports.
 */
final class SmartConnectModule extends AbstractModule {

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final byte[] secretKey;
    private final Configuration configuration;

    SmartConnectModule(Clock clock, PasswordHasher passwordHasher, byte[] secretKey, Configuration configuration) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.secretKey = secretKey.clone();
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        install(new CommonModule(clock, passwordHasher, secretKey));
        install(new AccountModule(configuration.sessionPolicy()));
        install(new CatalogModule());
        install(new PlanModule(configuration.freePeriod()));
        install(new DeviceModule(configuration.offlineGrace(), configuration.deviceCommandPolicy(),
                configuration.statusHistory()));
        install(new NotificationModule());
        install(new ResellerModule());
        install(new LifecycleModule());
    }
}
