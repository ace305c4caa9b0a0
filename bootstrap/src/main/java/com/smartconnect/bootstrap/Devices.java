package com.smartconnect.bootstrap;

import com.google.inject.Injector;
import com.smartconnect.application.catalog.port.in.ImportCatalogUseCase;
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

/**
 * UPSes: the catalog, registering them, what owners read and change, commands, and the device side (authentication,
 * ingest, connections, command delivery) for a host that brings its own MQTT adapter.
 */
public record Devices(
        ImportCatalogUseCase importCatalog,
        RegisterDeviceUseCase register,
        RegisteredDevicesQuery registered,
        UpdateDeviceProfileUseCase updateProfile,
        UnregisterDeviceUseCase unregister,
        SetDeviceSensitivityUseCase setSensitivity,
        RebootOutletGroupUseCase rebootOutletGroup,
        DeviceQuery query,
        AuthenticateDeviceUseCase authenticate,
        IngestDeviceMessagesUseCase ingest,
        TrackDeviceConnectionUseCase connections,
        DeliverDeviceCommandsUseCase deliverCommands,
        ReportLostCommunicationUseCase reportLostCommunication,
        DeviceMessageCounters messageCounters) {

    static Devices of(Injector injector) {
        return new Devices(
                injector.getInstance(ImportCatalogUseCase.class),
                injector.getInstance(RegisterDeviceUseCase.class),
                injector.getInstance(RegisteredDevicesQuery.class),
                injector.getInstance(UpdateDeviceProfileUseCase.class),
                injector.getInstance(UnregisterDeviceUseCase.class),
                injector.getInstance(SetDeviceSensitivityUseCase.class),
                injector.getInstance(RebootOutletGroupUseCase.class),
                injector.getInstance(DeviceQuery.class),
                injector.getInstance(AuthenticateDeviceUseCase.class),
                injector.getInstance(IngestDeviceMessagesUseCase.class),
                injector.getInstance(TrackDeviceConnectionUseCase.class),
                injector.getInstance(DeliverDeviceCommandsUseCase.class),
                injector.getInstance(ReportLostCommunicationUseCase.class),
                injector.getInstance(DeviceMessageCounters.class));
    }
}
