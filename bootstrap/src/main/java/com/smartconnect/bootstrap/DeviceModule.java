package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.CommandAcknowledgements;
import com.smartconnect.application.device.DeviceAuthenticationService;
import com.smartconnect.application.device.DeviceCommandExpiryJob;
import com.smartconnect.application.device.DeviceCommandPolicy;
import com.smartconnect.application.device.DeviceCommandService;
import com.smartconnect.application.device.DeviceConnectionService;
import com.smartconnect.application.device.DeviceIngestService;
import com.smartconnect.application.device.DeviceProfileService;
import com.smartconnect.application.device.DeviceQueryService;
import com.smartconnect.application.device.DeviceRegistrationService;
import com.smartconnect.application.device.OfflineGraceJob;
import com.smartconnect.application.device.RegisteredDevicesService;
import com.smartconnect.application.device.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceMessageCounters;
import com.smartconnect.application.device.port.in.DeviceQuery;
import com.smartconnect.application.device.port.in.IngestDeviceMessagesUseCase;
import com.smartconnect.application.device.port.in.RebootOutletGroupUseCase;
import com.smartconnect.application.device.port.in.RegisterDeviceUseCase;
import com.smartconnect.application.device.port.in.RegisteredDevicesQuery;
import com.smartconnect.application.device.port.in.ReportLostCommunicationUseCase;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityUseCase;
import com.smartconnect.application.device.port.in.TrackDeviceConnectionUseCase;
import com.smartconnect.application.device.port.in.UnregisterDeviceUseCase;
import com.smartconnect.application.device.port.in.UpdateDeviceProfileUseCase;
import com.smartconnect.domain.device.OfflineGrace;
import com.smartconnect.domain.device.StatusHistoryPolicy;
import com.smartconnect.application.device.StatusHistoryJob;
import com.smartconnect.application.device.StatusHistoryRecorder;
import com.smartconnect.application.device.StatusHistoryService;
import com.smartconnect.application.device.port.in.StatusHistoryQuery;

/** The device context: registering UPSes, their messages and connections, commands, and what the owners read. */
final class DeviceModule extends AbstractModule {

    private final OfflineGrace offlineGrace;
    private final DeviceCommandPolicy commandPolicy;
    private final StatusHistoryPolicy statusHistory;

    DeviceModule(OfflineGrace offlineGrace, DeviceCommandPolicy commandPolicy, StatusHistoryPolicy statusHistory) {
        this.offlineGrace = offlineGrace;
        this.commandPolicy = commandPolicy;
        this.statusHistory = statusHistory;
    }

    @Override
    protected void configure() {
        bind(OfflineGrace.class).toInstance(offlineGrace);
        bind(DeviceCommandPolicy.class).toInstance(commandPolicy);
        bind(StatusHistoryPolicy.class).toInstance(statusHistory);
        bind(StatusHistoryRecorder.class).in(Scopes.SINGLETON);
        bind(StatusHistoryQuery.class).to(StatusHistoryService.class).in(Scopes.SINGLETON);
        bind(DeviceMessageCounters.class).in(Scopes.SINGLETON);
        bind(DeviceCommandService.class).in(Scopes.SINGLETON);
        // The command outbox settles the commands the devices answer (ups/{pid}/acks).
        bind(CommandAcknowledgements.class).to(DeviceCommandService.class);
        bind(SetDeviceSensitivityUseCase.class).to(DeviceCommandService.class);
        bind(RebootOutletGroupUseCase.class).to(DeviceCommandService.class);
        bind(DeliverDeviceCommandsUseCase.class).to(DeviceCommandService.class);
        bind(DeviceRegistrationService.class).in(Scopes.SINGLETON);
        bind(RegisterDeviceUseCase.class).to(DeviceRegistrationService.class);
        bind(UnregisterDeviceUseCase.class).to(DeviceRegistrationService.class);
        bind(UpdateDeviceProfileUseCase.class).to(DeviceProfileService.class).in(Scopes.SINGLETON);
        bind(RegisteredDevicesQuery.class).to(RegisteredDevicesService.class).in(Scopes.SINGLETON);
        bind(AuthenticateDeviceUseCase.class).to(DeviceAuthenticationService.class).in(Scopes.SINGLETON);
        bind(IngestDeviceMessagesUseCase.class).to(DeviceIngestService.class).in(Scopes.SINGLETON);
        bind(DeviceConnectionService.class).in(Scopes.SINGLETON);
        bind(TrackDeviceConnectionUseCase.class).to(DeviceConnectionService.class);
        bind(ReportLostCommunicationUseCase.class).to(DeviceConnectionService.class);
        bind(DeviceQuery.class).to(DeviceQueryService.class).in(Scopes.SINGLETON);
        Multibinder<Job> jobs = Multibinder.newSetBinder(binder(), Job.class);
        jobs.addBinding().to(OfflineGraceJob.class).in(Scopes.SINGLETON);
        jobs.addBinding().to(DeviceCommandExpiryJob.class).in(Scopes.SINGLETON);
        jobs.addBinding().to(StatusHistoryJob.class).in(Scopes.SINGLETON);
    }
}
