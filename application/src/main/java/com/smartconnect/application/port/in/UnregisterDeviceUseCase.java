package com.smartconnect.application.port.in;

/** The owner unregisters a UPS. */
public interface UnregisterDeviceUseCase {

    DeviceChangeResult unregister(UnregisterDeviceCommand command);
}
