package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.smartconnect.adapters.mqtt.DeviceEndpoint;
import com.smartconnect.adapters.mqtt.DeviceEndpointSettings;
import com.smartconnect.adapters.persistence.Database;
import com.smartconnect.application.device.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.TrackDeviceConnectionUseCase;

/** The MQTT device endpoint, the driving adapter the UPSes connect to, over the device context's inbound ports. */
final class MqttModule extends AbstractModule {

    private final Configuration configuration;
    private final ConnectionBudget budget;

    MqttModule(Configuration configuration, ConnectionBudget budget) {
        this.configuration = configuration;
        this.budget = budget;
    }

    /** Not a singleton, so the production stage does not build it eagerly: it is built only when MQTT is on. */
    @Provides
    DeviceEndpoint deviceEndpoint(AuthenticateDeviceUseCase authenticate, IngestDeviceMessagesUseCase ingest,
            TrackDeviceConnectionUseCase connections, DeviceMessageCounters counters,
            DeliverDeviceCommandsUseCase commands, Database database) {
        DeviceEndpointSettings settings = DeviceEndpointSettings.of(configuration.httpHost(), configuration.mqttPort())
                .withMaxConnections(budget.mqtt());
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
}
