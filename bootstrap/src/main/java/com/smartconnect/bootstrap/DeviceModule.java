package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.smartconnect.adapters.mqtt.DeviceEndpoint;
import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.application.device.DeviceMessageCounters;
import com.smartconnect.application.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.port.in.DeviceQuery;
import com.smartconnect.application.port.in.ImportCatalogUseCase;
import com.smartconnect.application.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.port.in.ReportLostCommunicationUseCase;
import com.smartconnect.application.port.in.TrackDeviceConnectionUseCase;
import com.smartconnect.application.port.out.CommandAcknowledgements;
import com.smartconnect.application.port.out.DeviceCatalog;
import com.smartconnect.application.port.out.DeviceEventRepository;
import com.smartconnect.application.port.out.DeviceStateRepository;
import com.smartconnect.application.service.CatalogImportService;
import com.smartconnect.application.service.DeviceAuthenticator;
import com.smartconnect.application.service.DeviceConnectionService;
import com.smartconnect.application.service.DeviceIngestService;
import com.smartconnect.application.service.DeviceQueryService;
import com.smartconnect.domain.device.OfflineGrace;

/**
 * Devices (issue 4): the device catalog and its import, what devices send over MQTT, and the offline grace period;
 * the use cases, and the ports the database keeps. A module of its own, beside the account modules.
 */
final class DeviceModule extends AbstractModule {

    private final Configuration configuration;

    DeviceModule(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void configure() {
        bind(OfflineGrace.class).toInstance(configuration.offlineGrace());
        bind(DeviceMessageCounters.class).in(Scopes.SINGLETON);
        bind(CommandAcknowledgements.class).to(LoggedCommandAcknowledgements.class).in(Scopes.SINGLETON);
        bind(ImportCatalogUseCase.class).to(CatalogImportService.class).in(Scopes.SINGLETON);
        bind(AuthenticateDeviceUseCase.class).to(DeviceAuthenticator.class).in(Scopes.SINGLETON);
        bind(IngestDeviceMessagesUseCase.class).to(DeviceIngestService.class).in(Scopes.SINGLETON);
        bind(DeviceConnectionService.class).in(Scopes.SINGLETON);
        bind(TrackDeviceConnectionUseCase.class).to(DeviceConnectionService.class);
        bind(ReportLostCommunicationUseCase.class).to(DeviceConnectionService.class);
        bind(DeviceQuery.class).to(DeviceQueryService.class).in(Scopes.SINGLETON);
    }

    /** Not a singleton, so the production stage does not build it eagerly: it is built only when MQTT is on. */
    @Provides
    DeviceEndpoint deviceEndpoint(AuthenticateDeviceUseCase authenticate, IngestDeviceMessagesUseCase ingest,
            TrackDeviceConnectionUseCase connections, DeviceMessageCounters counters) {
        DeviceEndpointSettings settings = DeviceEndpointSettings.of(configuration.httpHost(), configuration.mqttPort());
        if (configuration.mqttTls().isPresent()) {
            settings = settings.withTls(configuration.mqttTls().get());
        }
        return new DeviceEndpoint(settings, new DeviceEndpoint.UseCases(authenticate, ingest, connections, counters));
    }

    @Provides
    DeviceCatalog deviceCatalog(Database database) {
        return database.deviceCatalog();
    }

    @Provides
    DeviceStateRepository deviceStates(Database database) {
        return database.deviceStates();
    }

    @Provides
    DeviceEventRepository deviceEvents(Database database) {
        return database.deviceEvents();
    }
}
