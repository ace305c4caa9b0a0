package com.smartconnect.application.device.port.in;

/** Registers a UPS to the logged-in user's account (Add Device: QR code or Product Codes). */
public interface RegisterDeviceUseCase {

    RegisterDeviceResult register(RegisterDeviceCommand command);
}
