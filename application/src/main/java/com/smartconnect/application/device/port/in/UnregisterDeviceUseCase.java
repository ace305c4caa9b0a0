package com.smartconnect.application.device.port.in;

/** The owner unregisters a UPS. */
public interface UnregisterDeviceUseCase {

    DeviceChangeResult unregister(UnregisterDeviceCommand command);
}
