package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.smartconnect.adapters.mqtt.DeviceEndpoint;
import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.adapters.web.HttpApi;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceQuery;
import com.smartconnect.application.device.port.in.ImportCatalogUseCase;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.RebootOutletGroupUseCase;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.in.ReportLostCommunicationUseCase;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityUseCase;
import com.smartconnect.application.device.port.in.TrackDeviceConnectionUseCase;
import com.smartconnect.application.device.port.in.UnregisterDeviceUseCase;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileUseCase;
import com.smartconnect.application.device.port.out.CommandAcknowledgements;
import com.smartconnect.application.device.port.out.DeviceCatalog;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceEventRepository;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.device.CatalogImportService;
import com.smartconnect.application.device.DeviceAuthenticator;
import com.smartconnect.application.device.DeviceCommandService;
import com.smartconnect.application.device.DeviceConnectionService;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.DeviceQueryService;
import com.smartconnect.application.device.DeviceRegistrationService;
import com.smartconnect.domain.device.OfflineGrace;

/**
 * Devices (issue 4): the device catalog and its import, what devices send over MQTT, the offline grace period, the
 * registration of devices to accounts with their pages, and the command outbox; the use cases, and the ports the
 * database keeps. A module of its own, beside the account modules.
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
        bind(DeviceCommandPolicy.class).toInstance(configuration.deviceCommandPolicy());
        bind(DeviceCommandService.class).in(Scopes.SINGLETON);
        // The command outbox settles the commands the devices answer (ups/{pid}/acks).
        bind(CommandAcknowledgements.class).to(DeviceCommandService.class);
        bind(SetDeviceSensitivityUseCase.class).to(DeviceCommandService.class);
        bind(RebootOutletGroupUseCase.class).to(DeviceCommandService.class);
        bind(DeliverDeviceCommandsUseCase.class).to(DeviceCommandService.class);
        bind(DeviceRegistrationService.class).in(Scopes.SINGLETON);
        bind(RegisterDeviceUseCase.class).to(DeviceRegistrationService.class);
        bind(RegisteredDevicesQuery.class).to(DeviceRegistrationService.class);
        bind(UpdateDeviceProfileUseCase.class).to(DeviceRegistrationService.class);
        bind(UnregisterDeviceUseCase.class).to(DeviceRegistrationService.class);
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
            TrackDeviceConnectionUseCase connections, DeviceMessageCounters counters,
            DeliverDeviceCommandsUseCase commands, Database database) {
        DeviceEndpointSettings settings = DeviceEndpointSettings.of(configuration.httpHost(), configuration.mqttPort());
        if (database.writesOneCommitAtATime()) {
            // H2: parallel transactions only wait for each other's commit, one stores more (BENCHMARKS.md).
            settings = settings.withCommitters(1);
        }
        if (configuration.mqttTls().isPresent()) {
            settings = settings.withTls(configuration.mqttTls().get());
        }
        return new DeviceEndpoint(settings, new DeviceEndpoint.UseCases(authenticate, ingest, connections, counters,
                commands));
    }

    @Provides
    HttpApi.DeviceUseCases deviceUseCases(RegisterDeviceUseCase register, RegisteredDevicesQuery devices,
            UpdateDeviceProfileUseCase updateProfile, UnregisterDeviceUseCase unregister,
            SetDeviceSensitivityUseCase setSensitivity, RebootOutletGroupUseCase reboot,
            com.smartconnect.application.lifecycle.port.in.LifecycleQuery lifecycle,
            com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase sendLifecycleReminder) {
        return new HttpApi.DeviceUseCases(register, devices, updateProfile, unregister, setSensitivity, reboot,
                lifecycle, sendLifecycleReminder);
    }

    @Provides
    DeviceRegistrationRepository deviceRegistrations(Database database) {
        return database.deviceRegistrations();
    }

    @Provides
    DeviceCommandOutbox deviceCommands(Database database) {
        return database.deviceCommands();
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
